package io.healthscore.sampledata;

import io.healthscore.domain.facts.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * The people at a customer: a champion, an executive sponsor and an economic buyer when the account has
 * them, and a few users. Events move them: the champion leaves on the champion event (sometimes replaced
 * weeks later), the sponsor on an executive change, the buyer some weeks after an acquisition. Activities
 * and conversations record when each was last engaged.
 */
final class Stakeholders {

    static final String CHAMPION = "champion";
    static final String SPONSOR = "executive_sponsor";
    static final String BUYER = "economic_buyer";
    static final String USER = "user";

    private static final String[] SPONSOR_TITLES = {"VP Operations", "COO", "CTO", "Chief Revenue Officer",
        "VP Customer Success", "Head of IT", "SVP Sales"};

    /** One contact; {@code joined} and {@code left} bound the days they can be engaged. */
    static final class Person {
        final String contactId;
        final String role;
        final String name;
        final String title;
        final long joined;
        long left = Long.MAX_VALUE;
        long lastEngaged = Long.MIN_VALUE;

        Person(String contactId, String role, String name, String title, long joined) {
            this.contactId = contactId;
            this.role = role;
            this.name = name;
            this.title = title;
            this.joined = joined;
        }

        boolean presentOn(long day) {
            return day >= joined && day < left;
        }
    }

    private final List<Person> people = new ArrayList<>(12);
    private final AccountLife life;
    private Person formerChampion;

    private Stakeholders(AccountLife life) {
        this.life = life;
    }

    static Stakeholders build(AccountLife life, Draws d) {
        Stakeholders s = new Stakeholders(life);
        AccountPlan plan = life.plan();
        Segment segment = plan.segment();
        LifeEvent event = life.event();
        long start = Long.MIN_VALUE;
        boolean thin = plan.sparse() || plan.archetype() == Archetype.QUIET_HEALTHY;
        boolean championEvent = event != null && event.is(LifeEvent.Type.CHAMPION_LEFT);
        boolean execEvent = event != null && event.is(LifeEvent.Type.EXECUTIVE_CHANGE);
        Person champion = null;
        if (championEvent || d.chance(thin ? 0.75 : 0.95)) {
            champion = s.add(CHAMPION, d.pick(NameBank.CUSTOMER_TITLES), start, d);
        }
        double sponsorShare = switch (segment) {
            case SMB -> 0.25;
            case MID_MARKET -> 0.7;
            case ENTERPRISE -> 0.9;
        };
        Person sponsor = null;
        if (execEvent || d.chance(sponsorShare)) {
            sponsor = s.add(SPONSOR, d.pick(SPONSOR_TITLES), start, d);
        }
        Person buyer = null;
        if (d.chance(segment == Segment.SMB ? 0.5 : 0.85)) {
            buyer = s.add(BUYER, d.pick(new String[] {"Finance Director", "Head of Procurement", "CFO", "Controller"}), start, d);
        }
        int users = switch (segment) {
            case SMB -> d.between(1, 3);
            case MID_MARKET -> d.between(2, 5);
            case ENTERPRISE -> d.between(4, 10);
        };
        for (int i = 0; i < users; i++) {
            s.add(USER, d.pick(NameBank.CUSTOMER_TITLES), start, d);
        }
        // engagement before the window, for customers older than it
        for (Person p : s.people) {
            long before = life.timeline().start() - d.between(1, 200);
            if (before > plan.customerSince() && d.chance(0.6)) {
                p.lastEngaged = before;
            }
        }
        long until = life.liveUntil();
        if (championEvent && champion != null) {
            champion.left = event.day();
            s.formerChampion = champion;
            long replaced = event.day() + d.between(21, 70);
            if (d.chance(0.35) && replaced < until) {
                s.add(CHAMPION, d.pick(NameBank.CUSTOMER_TITLES), replaced, d);
            }
        }
        if (execEvent && sponsor != null) {
            sponsor.left = event.day();
            long replaced = event.day() + d.between(14, 56);
            if (replaced < until) {
                s.add(SPONSOR, d.pick(SPONSOR_TITLES), replaced, d);
            }
        }
        if (event != null && event.is(LifeEvent.Type.ACQUISITION) && buyer != null && d.chance(0.5)) {
            long gone = event.day() + d.between(28, 84);
            if (gone < until) {
                buyer.left = gone;
            }
        }
        for (Person p : s.people) {
            if (p.role.equals(USER) && p.left == Long.MAX_VALUE && d.chance(0.06)) {
                long gone = life.liveFrom() + d.below((int) Math.max(1, until - life.liveFrom()));
                if (gone > life.liveFrom() && gone < until) {
                    p.left = gone;
                }
            }
        }
        return s;
    }

    private Person add(String role, String title, long joined, Draws d) {
        Person p = new Person(RecordIds.contact(life.plan().index(), people.size() + 1), role, NameBank.person(d), title, joined);
        people.add(p);
        return p;
    }

    /** The champion in place on the day, or null. */
    Person champion(long day) {
        for (Person p : people) {
            if (p.role.equals(CHAMPION) && p.presentOn(day)) {
                return p;
            }
        }
        return null;
    }

    /** The champion who left on the champion event, or null. */
    Person formerChampion() {
        return formerChampion;
    }

    /** Someone present on the day with the first of the roles that has anyone; any present person else. */
    Person pick(long day, Draws d, String... roles) {
        for (String role : roles) {
            int n = 0;
            for (Person p : people) {
                if (p.role.equals(role) && p.presentOn(day)) {
                    n++;
                }
            }
            if (n > 0) {
                int k = n == 1 ? 0 : d.below(n);
                for (Person p : people) {
                    if (p.role.equals(role) && p.presentOn(day) && k-- == 0) {
                        return p;
                    }
                }
            }
        }
        int n = 0;
        for (Person p : people) {
            if (p.presentOn(day)) {
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        int k = n == 1 ? 0 : d.below(n);
        for (Person p : people) {
            if (p.presentOn(day) && k-- == 0) {
                return p;
            }
        }
        return null;
    }

    /** Records an engagement, when the person is at the customer that day. */
    static void engage(Person p, long day) {
        if (p != null && p.presentOn(day) && day > p.lastEngaged) {
            p.lastEngaged = day;
        }
    }

    void write(RowEncoder rows) {
        String account = life.plan().accountId();
        for (Person p : people) {
            boolean left = p.left < life.liveUntil();
            rows.text(p.contactId).text(account).text(p.role).bool(left);
            if (left) {
                rows.date(p.left);
            } else {
                rows.none();
            }
            if (p.lastEngaged != Long.MIN_VALUE) {
                rows.date(p.lastEngaged);
            } else {
                rows.none();
            }
            rows.end();
        }
    }
}
