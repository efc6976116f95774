package io.healthscore.sampledata;

/** Made-up people and company names. Any resemblance to real companies is a coincidence. */
final class NameBank {

    static final String[] FIRST_NAMES = {
        "Aisha", "Alex", "Alicia", "Amara", "Andre", "Anja", "Arjun", "Beatriz", "Ben", "Bianca", "Carlos", "Chen",
        "Chloe", "Daniel", "Dana", "Deepa", "Diego", "Elena", "Emeka", "Emma", "Farah", "Felix", "Fatima", "Gabriel",
        "Grace", "Hana", "Hannah", "Hugo", "Ines", "Isaac", "Ivan", "Jamal", "Jana", "Javier", "Jin", "Joanna",
        "Jonas", "Julia", "Kai", "Kamala", "Karin", "Kenji", "Lars", "Laura", "Leila", "Liam", "Lina", "Lucas",
        "Maya", "Marco", "Mariana", "Mateo", "Mei", "Mika", "Miriam", "Mohammed", "Nadia", "Naomi", "Nikhil", "Nina",
        "Noah", "Olga", "Omar", "Owen", "Paula", "Pedro", "Priya", "Rafael", "Rania", "Ravi", "Rosa", "Ruth",
        "Sam", "Samir", "Sara", "Sean", "Sofia", "Sonia", "Stefan", "Tariq", "Tess", "Theo", "Tomas", "Uma",
        "Valentina", "Victor", "Wei", "Yara", "Yusuf", "Zoe", "Ahmed", "Bruno", "Clara", "Dmitri", "Eva", "Femi",
        "Greta", "Helen", "Ilya", "Jude", "Kofi", "Lea", "Malik", "Nora", "Oscar", "Petra", "Quinn", "Rohan",
    };

    static final String[] LAST_NAMES = {
        "Abbott", "Adeyemi", "Almeida", "Andersen", "Bauer", "Becker", "Bello", "Brennan", "Campbell", "Castro",
        "Chen", "Costa", "Dahl", "Das", "Delgado", "Dubois", "Eriksen", "Evans", "Fischer", "Fonseca", "Garcia",
        "Gupta", "Haddad", "Hansen", "Harris", "Hoffmann", "Ibrahim", "Ivanova", "Jansen", "Jensen", "Kaur",
        "Khan", "Kim", "Kowalski", "Kruger", "Larsen", "Lee", "Lindqvist", "Lopez", "Martin", "Mendes", "Meyer",
        "Moreau", "Murphy", "Nakamura", "Nguyen", "Novak", "Nunes", "Okafor", "Olsen", "Ortiz", "Park", "Patel",
        "Pereira", "Petrov", "Quinn", "Rahman", "Reyes", "Richter", "Rossi", "Sato", "Schmidt", "Schulz", "Silva",
        "Singh", "Sorensen", "Suzuki", "Tanaka", "Taylor", "Torres", "Vargas", "Vogel", "Wagner", "Walsh",
        "Weber", "Williams", "Wong", "Yamamoto", "Yilmaz", "Zhang", "Zimmermann", "Mensah", "Osei", "Farouk",
    };

    private static final String[] COMPANY_FIRST = {
        "Blue", "Bright", "Cedar", "Clear", "Copper", "Crest", "Delta", "Ember", "Evergreen", "First", "Fox",
        "Granite", "Green", "Harbor", "High", "Iron", "Juniper", "Keystone", "Lake", "Lumen", "Maple", "Meridian",
        "North", "Nova", "Oak", "Orchid", "Pacific", "Peak", "Pine", "Polar", "Prairie", "Quarry", "Red", "River",
        "Rock", "Sage", "Silver", "Sky", "Solar", "Stone", "Summit", "Swift", "Terra", "Tide", "True", "Vertex",
        "West", "Willow", "Zenith", "Arc", "Atlas", "Beacon", "Birch", "Cobalt", "Falcon", "Harvest", "Horizon",
    };

    private static final String[] COMPANY_SECOND = {
        "field", "stone", "bridge", "line", "point", "gate", "wave", "works", "path", "ridge", "light", "view",
        "wood", "brook", "crest", "haven", "port", "mark", "star", "way", "",
    };

    private static final String[] COMPANY_TRADE = {
        "Logistics", "Analytics", "Health", "Foods", "Robotics", "Media", "Energy", "Capital", "Software",
        "Manufacturing", "Retail", "Labs", "Systems", "Freight", "Insurance", "Pharma", "Education", "Travel",
        "Consulting", "Engineering", "Biotech", "Hospitality", "Telecom", "Fintech", "Apparel", "Construction",
        "Dental", "Marine", "Security", "Studios",
    };

    private static final String[] COMPANY_SUFFIX = {
        "Inc.", "Ltd", "GmbH", "LLC", "Group", "AG", "S.A.", "B.V.", "Co.", "Holdings", "", "", "", "",
    };

    static final String[] ACQUIRERS = {
        "Halvorsen Group", "Oakmont Holdings", "Vireo Capital", "Brightwater Partners", "Kestrel Industries",
        "Marlow & Finch", "Aldergate", "Northstar Global", "Castellan Group", "Pemberton Holdings",
        "Tessaract Corp", "Ravenwood Capital", "Summitline", "Quorum Industries", "Bexley Group",
    };

    static final String[] CUSTOMER_TITLES = {
        "Operations Manager", "Head of Customer Success", "IT Director", "Sales Operations Lead",
        "Product Manager", "VP Operations", "Team Lead", "Systems Administrator", "Program Manager",
        "Director of Support", "RevOps Manager", "Business Analyst", "Head of Enablement", "CTO", "COO",
    };

    private NameBank() {
    }

    static String person(Draws d) {
        return d.pick(FIRST_NAMES) + " " + d.pick(LAST_NAMES);
    }

    static String company(Draws d) {
        String second = d.pick(COMPANY_SECOND);
        String base = d.pick(COMPANY_FIRST) + second;
        if (second.isEmpty() || d.chance(0.4)) {
            base = base + " " + d.pick(COMPANY_TRADE);
        }
        String suffix = d.pick(COMPANY_SUFFIX);
        if (suffix.isEmpty()) {
            return base;
        }
        // some CRMs write "Acme, Inc.": exercises quoting in CSV
        return suffix.equals("Inc.") && d.chance(0.3) ? base + ", Inc." : base + " " + suffix;
    }

    /** A stable name for a user id (CSMs and managers), the same in every account. */
    static String forUser(long key) {
        long h = Draws.mix(key * 0x2545F4914F6CDD1DL + 17);
        int f = (int) Math.floorMod(h, (long) FIRST_NAMES.length);
        int l = (int) Math.floorMod(h >>> 20, (long) LAST_NAMES.length);
        return FIRST_NAMES[f] + " " + LAST_NAMES[l];
    }

    static String firstName(String fullName) {
        int space = fullName.indexOf(' ');
        return space < 0 ? fullName : fullName.substring(0, space);
    }
}
