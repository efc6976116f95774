package io.healthscore.sampledata;

/**
 * Sentence templates for conversations. {@code {slot}} marks are filled per conversation by
 * {@link SceneSlots}. Statements for an intent or risk flag express exactly that label and nothing that
 * could be read as another; chatter and CSM lines carry no label and no sentiment; negated statements
 * ("no budget issues this year") deny a label and are labelled as not having it.
 */
final class PhraseBank {

    private PhraseBank() {
    }

    // ---- intents ---------------------------------------------------------------------------------------

    static final String[] PLANNING_TO_RENEW = {
        "We're planning to renew for another year.",
        "The renewal is basically a formality on our side; {approver} already agreed in principle.",
        "Count us in for the renewal in {month}.",
        "We fully intend to renew, we just need the paperwork sorted before {month}.",
        "Procurement has the renewal on their list and we expect to sign it before {month}.",
        "We'd like to lock in another {term} term.",
        "Our plan is to extend the contract when it comes up in {month}.",
        "No question we're staying on, so please send over the renewal quote.",
        "I've already put the renewal into next year's budget.",
        "Let's get the renewal paperwork started so there's no gap in service.",
        "We want to keep going with you past {month}.",
        "{approver} confirmed we'll renew at the current seat count.",
        "We're committed to renewing; can you send the order form?",
        "Renewal-wise we're good to go.",
        "You can pencil us in for the renewal; it's already been approved internally.",
        "We'll be signing the renewal as soon as legal has looked at the redlines.",
        "Just confirming we want to continue for another {term} term.",
        "The decision to renew has been made, so it's only about timing now.",
        "We're happy to renew on the same terms as last year.",
        "Please go ahead and prepare the renewal for {month}, we're staying.",
    };

    static final String[] PLANNING_TO_RENEW_DETAIL = {
        "If you can send the quote by {weekday}, I'll route it to {approver} the same day.",
        "Ideally the new term starts right when the current one ends.",
        "Let me know if you need a PO number up front.",
        "I'll loop in procurement so the signature doesn't stall.",
    };

    static final String[] EVALUATING_ALTERNATIVES = {
        "We've been looking at {competitor} as a possible replacement.",
        "Leadership asked us to run a comparison with {competitor} before we decide anything.",
        "We've had a couple of demos from other vendors this month.",
        "Honestly, we're evaluating other options right now.",
        "{competitor} reached out and we've agreed to a trial.",
        "Part of the team is piloting {competitor} in parallel.",
        "We're putting together an RFP and you'll be one of several vendors on it.",
        "I have to tell you we're benchmarking you against a couple of alternatives.",
        "Someone on my team built a shortlist of other tools that cover the same ground.",
        "Our {team} team thinks {competitor} might be a better fit for us.",
        "We're doing a market scan before the contract comes up.",
        "{approver} wants to see what else is out there before committing again.",
        "We have a proof of concept running with {competitor} until {month}.",
        "We're comparing pricing from {competitor} and one other vendor.",
        "A few people have been trialling a competing product on the side.",
        "We're weighing whether {competitor} would cover our use case better.",
    };

    static final String[] EVALUATING_ALTERNATIVES_DETAIL = {
        "The comparison should wrap up by {month}.",
        "Nothing is decided, but you should know it's happening.",
        "The scoring sheet weighs price and ease of use the most.",
        "I'd rather you hear it from me than from someone else.",
    };

    static final String[] EXPANSION_INTEREST = {
        "We'd like to add about {seats} more seats next quarter.",
        "The {team} team wants access too, can you price that out?",
        "We're looking to roll this out to {region} as well.",
        "Could you send pricing for the {addon} add-on?",
        "We're growing fast and will need more licences soon.",
        "I want to bring the {team} team onto the platform by {month}.",
        "What would it take to move up to the {tier} plan?",
        "We're close to our seat cap, so let's talk about expanding.",
        "We're opening a new office in {city} and they'll need accounts.",
        "Can we discuss a company-wide agreement instead of per-team licences?",
        "We'd like a quote for another {seats} seats for the new hires.",
        "There's interest from {region} in using it the same way we do.",
        "Could we get the {addon} module turned on for a trial, with a view to buying it?",
        "Our headcount plan has us adding {seats} users before {month}, so we'll need more seats.",
        "We want to extend the rollout beyond the pilot group.",
    };

    static final String[] EXPANSION_INTEREST_DETAIL = {
        "Budget for it has been set aside already.",
        "It would be good to have numbers before our planning meeting on {weekday}.",
        "Ideally the new users get the same setup as the current team.",
    };

    static final String[] FRUSTRATED_WITH_FEATURE = {
        "The {feature} keeps timing out and it's driving the team mad.",
        "Honestly, the {feature} is the weakest part of the product for us.",
        "We're really frustrated that the {feature} still doesn't support {capability}.",
        "Every week someone complains about how slow the {feature} is.",
        "The {feature} broke again after the last release.",
        "The {feature} is so clunky that people export to spreadsheets instead.",
        "We've asked for {capability} in the {feature} three times now, and nothing has happened.",
        "Our users have basically given up on the {feature}.",
        "The {feature} workflow takes far too many clicks for something so basic.",
        "I'm tired of explaining to my team why the {feature} behaves differently every time.",
        "The {feature} is a constant source of irritation here.",
        "Half the team refuses to use the {feature} because it loses their changes.",
        "We lose time every day to the {feature} not doing what it says.",
        "The {feature} is still missing {capability}, which we were told was coming months ago.",
        "I can't defend the {feature} to my team any more.",
    };

    static final String[] FRUSTRATED_WITH_FEATURE_DETAIL = {
        "We raised it with support on {date} and haven't heard back.",
        "It's the first thing new starters complain about.",
        "The workaround costs us a couple of hours a week.",
    };

    static final String[] CANCELLATION = {
        "We've decided not to renew when the contract ends in {month}.",
        "Please treat this as our notice that we intend to cancel.",
        "We'll be terminating the subscription at the end of the term.",
        "I need to understand the process for cancelling our account.",
        "We're going to wind down our use of the platform by {month}.",
        "Leadership has made the call to cancel; I'm sorry it came to this.",
        "Can you confirm what happens to our data after we cancel?",
        "We won't be renewing.",
        "We plan to shut our account down after this term.",
        "Please don't send a renewal quote, we're cancelling.",
        "The decision is made: we're ending the contract in {month}.",
        "We'd like to cancel and need an export of everything before we go.",
        "Our subscription should not auto-renew; we're cancelling it.",
        "We're discontinuing the service once the current term runs out.",
    };

    static final String[] CANCELLATION_DETAIL = {
        "Please send the steps for the data export.",
        "I'll need written confirmation for our records.",
        "Who do I send the formal notice to?",
    };

    // ---- risk flags ------------------------------------------------------------------------------------

    /** Champion leaving, said before the departure. */
    static final String[] CHAMPION_LEAVING_SOON = {
        "{champion} is leaving the company at the end of the month.",
        "Heads-up: {champion} handed in their notice last week.",
        "{champion} is moving to another company, so you'll need a new main contact.",
        "{champion} resigned, and their last day is {date}.",
        "You probably heard that {champion} is leaving us.",
        "Now that {champion} is on their way out, I'm picking up their accounts and tools.",
        "{champion} won't be with us after {date}; they're off to a new role.",
        "The person who championed the platform here, {champion}, is leaving.",
        "{champion} accepted an offer elsewhere and is working out their notice.",
    };

    /** Champion leaving, said after the departure. */
    static final String[] CHAMPION_GONE = {
        "{champion}, who ran the rollout on our side, has moved on.",
        "Since {champion} left, nobody really owns the tool internally.",
        "Our admin {champion} has left and we're still figuring out who takes over.",
        "With {champion} gone, the project has lost its driving force on our side.",
        "{champion} has taken a job elsewhere, so please loop in {other} from now on.",
        "{champion} left us a few weeks ago, and the handover was thin.",
        "Ever since {champion} moved on, adoption has been nobody's job.",
        "Now that {champion} has left the company, I'm the one you should talk to.",
    };

    static final String[] CHAMPION_LEAVING_DETAIL = {
        "We haven't found a replacement yet.",
        "I'll need a proper handover of the admin settings.",
        "Nobody else knows the configuration as well as they do.",
    };

    static final String[] BUDGET_CUTS = {
        "Our budget for next year has been cut by {percent}.",
        "Finance is asking every team to trim software spend.",
        "We've been told to cut costs across the board this quarter.",
        "There's a spending freeze, so every subscription is under review.",
        "The tooling budget got slashed in the latest planning round.",
        "We have to justify every licence now; budgets are tight.",
        "Our department's budget was reduced and we may have to drop seats.",
        "The CFO mandated a {percent} reduction in SaaS spend.",
        "Money is tight after a rough {quarter}.",
        "We're under pressure to cut costs, and software is the first line looked at.",
        "Budgets were frozen until further notice after the board meeting.",
        "Everything over a certain amount now needs sign-off because of the cost-cutting programme.",
        "We lost part of our budget in the reforecast.",
    };

    static final String[] BUDGET_CUTS_DETAIL = {
        "We'll know the final numbers after {month}.",
        "I'm trying to protect this line item, but no promises.",
        "It's the same for every vendor, not just you.",
    };

    static final String[] MERGER_OR_CONSOLIDATION = {
        "We've been acquired by {acquirer}, and they use a different tool.",
        "Following the merger with {acquirer}, IT wants to consolidate vendors.",
        "{acquirer} is buying us; the deal should close in {month}.",
        "There's a consolidation project to standardise on one platform across the group.",
        "Post-acquisition, all contracts are being reviewed by the parent company.",
        "We're merging with {acquirer} and nobody knows yet which systems survive.",
        "Our new parent company wants every subsidiary on the same stack.",
        "Since the acquisition closed, {acquirer}'s procurement team is reviewing our tools.",
        "The integration with {acquirer} means we may fold into their systems.",
        "After the merger, we're rationalising overlapping software.",
    };

    static final String[] MERGER_OR_CONSOLIDATION_DETAIL = {
        "The integration team meets every {weekday}.",
        "I don't have visibility into their timeline yet.",
        "It's all moving quickly and not much is public.",
    };

    static final String[] SECURITY_COMPLIANCE_CONCERN = {
        "Our security team flagged the {issue} and wants answers before we go further.",
        "We need your SOC 2 report because our auditors are asking.",
        "Compliance has questions about where our data is stored.",
        "After the incident last week, our CISO wants a full security review.",
        "We can't pass our audit unless you support {control}.",
        "Legal raised concerns about the data processing agreement.",
        "We need to understand your GDPR position before {month}.",
        "The pen test summary you sent raised a few eyebrows with our security team.",
        "Our infosec team has paused the vendor assessment until you answer their questions.",
        "Our compliance officer is worried about how access logs are retained.",
        "Security wants proof of encryption at rest before we add more data.",
        "The {issue} is now on our risk register.",
    };

    static final String[] SECURITY_COMPLIANCE_CONCERN_DETAIL = {
        "Could you send the latest questionnaire answers?",
        "A call with your security lead would help.",
        "They want a written response, not a slide.",
    };

    static final String[] EXECUTIVE_CHANGE = {
        "We have a new CEO as of last month and priorities are shifting.",
        "Our VP of {dept}, who sponsored this, left and {newexec} has taken over.",
        "There's been a leadership change and the new CTO is reviewing all tools.",
        "{newexec} just joined as COO and wants to meet all vendors.",
        "Our executive sponsor moved on; the new head of {dept} is still getting up to speed.",
        "The board brought in a new leadership team in {month}.",
        "We've had a reshuffle at the top, and {newexec} now runs {dept}.",
        "Our new CFO, {newexec}, started on {date}.",
        "The exec who signed the original deal is no longer here.",
        "With the new {dept} leadership in place, everything is being re-evaluated from scratch.",
    };

    static final String[] EXECUTIVE_CHANGE_DETAIL = {
        "It would help to have an exec-to-exec intro.",
        "They haven't formed a view on the tool yet.",
        "They're holding one-to-ones with every team this month.",
    };

    // ---- negated statements: deny a label, labelled as not having it ---------------------------------

    static final String[] NOT_BUDGET_CUTS = {
        "No budget issues this year, thankfully.",
        "Budget isn't a concern for us right now.",
        "Funding for the tool is secure, there are no cuts planned.",
        "Despite the rumours, our budget hasn't been cut.",
        "We did not have any budget reductions in the last planning round.",
    };

    static final String[] NOT_ALTERNATIVES = {
        "We're not looking at other vendors.",
        "We haven't evaluated anyone else and don't intend to.",
        "Just to be clear, we're not shopping around.",
        "Nobody here is running a comparison with other tools.",
    };

    static final String[] NOT_CANCELLATION = {
        "We are not planning to leave.",
        "Nobody here is talking about cancelling.",
        "Cancelling isn't on the table.",
        "We have no intention of ending the contract.",
    };

    static final String[] NOT_CHAMPION_LEAVING = {
        "{champion} isn't going anywhere, don't worry.",
        "Rumours aside, {champion} is staying on.",
        "{champion} is not leaving; they just changed teams internally.",
    };

    static final String[] NOT_MERGER = {
        "There's no merger in the works, whatever the press says.",
        "We're not being acquired; that article was wrong.",
        "No consolidation plans on our side.",
    };

    static final String[] NOT_EXECUTIVE_CHANGE = {
        "No changes in the leadership team this year.",
        "Our exec team is the same as last year.",
        "There hasn't been any change at the top.",
    };

    static final String[] NOT_SECURITY = {
        "The security review went fine, no concerns.",
        "Our audit passed without any findings related to you.",
        "Security has no open questions for you.",
    };

    static final String[] NOT_EXPANSION = {
        "We don't need more seats right now.",
        "No plans to add users this year.",
    };

    static final String[] NOT_FRUSTRATED = {
        "No complaints about the {feature} lately.",
        "The {feature} has been behaving since the fix.",
    };

    // ---- tone --------------------------------------------------------------------------------------------

    static final String[] POSITIVE = {
        "The team has been really happy with the platform.",
        "Adoption is going great across the board.",
        "Thanks for the quick turnaround on our last request.",
        "The {feature2} has saved us hours every week.",
        "Honestly, this has been one of our better tool decisions.",
        "People actually enjoy using it, which is rare.",
        "Your support team was fantastic last week.",
        "Everyone loved the training session, thank you.",
        "We're seeing real value from it now.",
        "The last release was excellent, great work.",
        "I got a lot of positive feedback from the {team} team.",
        "It's been smooth sailing since the rollout.",
        "We're really pleased with how things are going.",
        "Big thanks to you and the team, this has been a great partnership.",
    };

    static final String[] NEUTRAL_TONE = {
        "Things are fine overall.",
        "Nothing major to report from our side.",
        "Usage is about where we expected.",
        "It's been a fairly quiet few weeks.",
        "The team is using it as usual.",
        "Mostly business as usual here.",
    };

    static final String[] NEGATIVE = {
        "Honestly, the last few weeks have been disappointing.",
        "We're not getting the value we expected.",
        "Response times from support have been slow lately.",
        "The team is losing patience.",
        "I'm not happy with how the onboarding of the new users went.",
        "We keep running into problems and it's wearing people down.",
        "Frankly, it's been a frustrating quarter with you.",
        "I'm disappointed that promises from the kickoff haven't materialised.",
        "We had high hopes and so far it hasn't delivered.",
        "It's been hard to get straight answers from your side.",
        "Our experience has gone downhill since the spring.",
        "I have to be honest, people here are unhappy.",
    };

    static final String[] ESCALATING = {
        "This is now the third outage this month and it is unacceptable.",
        "I need this escalated to your leadership today.",
        "If this isn't fixed by {weekday}, I'll be involving our executives.",
        "We are extremely unhappy and expect a call from your VP.",
        "This is blocking our entire {team} team and needs urgent attention.",
        "I want a named engineer on this right now.",
        "We've waited {hours} hours without a meaningful update; this is not acceptable.",
        "Please treat this as a formal escalation.",
        "Our operations are at a standstill because of this.",
        "I expect a root-cause analysis and a senior person on the phone today.",
    };

    // ---- neutral chatter (customer) ----------------------------------------------------------------------

    static final String[] CHATTER = {
        "Can you resend the invite for {weekday}?",
        "Quick question: how do I export the {report}?",
        "{other} will join the next call as well.",
        "Could we move our sync to {weekday} afternoon?",
        "I'm out of office next week, back on the {n}th.",
        "How do I reset a user's password?",
        "Where can I find the release notes?",
        "We're rolling out the new naming convention in the {team} team.",
        "I shared the {report} with the {team} team yesterday.",
        "Is there a way to change the default time zone for reports?",
        "We onboarded {n} new people last week.",
        "Could you send over the slides from last time?",
        "Our fiscal year starts in {month}, for planning purposes.",
        "I'll be the point of contact while {other} is on leave.",
        "Do you have a template for the {report}?",
        "We cleaned up the user list and removed some test accounts.",
        "What's the best way to bulk-assign permissions?",
        "The {team} team asked whether there's a sandbox.",
        "Can you confirm the maintenance window this weekend?",
        "Thanks for the notes from the last meeting.",
        "I've updated our admin contact details in the portal.",
        "Is the {feature2} covered in the next webinar?",
        "We're planning an internal lunch-and-learn on {weekday}.",
        "Could you check whether the invoice address is up to date?",
        "We've set up a shared channel for questions.",
        "Is there documentation on the API rate limits?",
        "I'll send the agenda for the review by {weekday}.",
        "We switched our SSO provider last month, just so you know.",
        "{other} from {team} has a few questions about the {report}.",
        "Let's keep the same cadence for our check-ins.",
        "Our office is closed on {weekday} for a public holiday.",
        "I'm putting together training material for new starters.",
        "Could you add {other} to the distribution list?",
        "We'd like a short refresher on dashboards for the {team} team.",
        "Is there a limit on the number of saved views?",
        "Our IT team is updating browsers next week.",
        "I noticed the login page looks different now.",
        "We're reorganising folders in the shared workspace.",
        "What time works best for you on {weekday}?",
        "Can the {report} be scheduled to run every Monday?",
        "I'll forward this to {other} for visibility.",
        "We moved the kickoff to {time}.",
        "Is there a mobile version we could test?",
        "The {team} team meets on {weekday}s, so that's a good slot.",
        "How do I restore a record someone deleted by mistake?",
        "Please use my new email address going forward.",
        "We're running a data clean-up sprint this month.",
        "Do you have a status page we can subscribe to?",
        "I'll check the numbers and come back to you.",
        "Could you share the link to the community forum?",
    };

    // ---- CSM lines (calls) -------------------------------------------------------------------------------

    static final String[] CSM_GREETING = {
        "Hi {customer}, thanks for making time today.",
        "Good to see you, {customer}.",
        "Hey {customer}, how's your week going?",
        "Thanks for joining, {customer}.",
        "Hi {customer}, can you hear me okay?",
        "Morning {customer}, thanks for hopping on.",
    };

    static final String[] CUSTOMER_GREETING = {
        "Hi {csm}, yes, all good.",
        "Hey, thanks for setting this up.",
        "Good, busy as always.",
        "Hi! Sorry, I was running a couple of minutes late.",
        "Yes, loud and clear.",
        "Doing well, thanks.",
    };

    static final String[] CSM_OPENER = {
        "I wanted to check in on how things are going with the rollout.",
        "What's top of mind for you this month?",
        "How has the team been getting on since our last call?",
        "Let's start with anything urgent on your side.",
        "I had a few agenda items, but first, how are things?",
        "Anything you'd like to cover before we go through the usage numbers?",
        "I saw a few new users came on board; how is that going?",
        "Shall we start with your priorities for next quarter?",
    };

    static final String[] CSM_ACK_POSITIVE = {
        "That's great to hear.",
        "Love that, thanks for sharing.",
        "Fantastic, I'll pass that on to the team.",
        "Good news, thank you.",
    };

    static final String[] CSM_ACK_NEUTRAL = {
        "Got it, thanks.",
        "Okay, noted.",
        "Makes sense.",
        "Understood.",
        "Thanks, that's helpful context.",
        "Right, I'll make a note of that.",
    };

    static final String[] CSM_ACK_NEGATIVE = {
        "I'm sorry to hear that.",
        "That's fair feedback, and I appreciate you being direct.",
        "I understand, and I'll take that back internally.",
        "Thanks for telling me; I'd rather know.",
        "I hear you, let me see what I can do.",
    };

    static final String[] CSM_FOLLOW_UP = {
        "Can you tell me a bit more about that?",
        "When did that start?",
        "Who else on your side is involved?",
        "Is there anything else I should know?",
        "How is the team feeling about it?",
        "Would it help if I brought someone from product?",
    };

    static final String[] CSM_NEXT_STEPS = {
        "I'll send a summary and next steps by {weekday}.",
        "Let's follow up on this in two weeks.",
        "I'll set up a session with our solutions team.",
        "I'll put a recap in writing and share it with {other} as well.",
        "Let me get back to you with a plan by end of week.",
        "I'll book our next check-in for {weekday}.",
        "I'll check with product and report back.",
    };

    static final String[] CUSTOMER_BYE = {
        "Sounds good, talk soon.",
        "Thanks, speak then.",
        "Great, thanks {csm}.",
        "Perfect, bye for now.",
        "Okay, thanks for your time.",
    };

    // ---- emails ------------------------------------------------------------------------------------------

    static final String[] EMAIL_GREETING = {"Hi", "Hello", "Hey", "Dear", "Good morning", "Morning"};

    static final String[] EMAIL_OPENING = {
        "Hope you're well.",
        "Thanks for your note last week.",
        "Following up on our call.",
        "Quick update from our side.",
        "I hope your week is going well.",
        "Sorry for the slow reply.",
        "A few things I wanted to share.",
        "Thanks for getting back to me so quickly.",
    };

    static final String[] EMAIL_CLOSING = {
        "Let me know if you need anything else.",
        "Happy to jump on a call if easier.",
        "Looking forward to hearing from you.",
        "Thanks in advance.",
        "Speak soon.",
        "Let me know what you think.",
    };

    static final String[] SIGN_OFF = {"Best", "Thanks", "Kind regards", "Cheers", "Best regards", "Many thanks", "Regards"};

    static final String[] QUOTED_CSM = {
        "Just checking in ahead of our next sync.",
        "Sharing the recap from our last meeting.",
        "Wanted to see if you had a chance to look at the usage report.",
        "Let me know a good time to catch up this month.",
        "Attaching the slides from the training session.",
    };

    // ---- tickets -----------------------------------------------------------------------------------------

    static final String[] TICKET_TITLE = {
        "Problem with the {feature}",
        "{feature} not loading",
        "Question about the {report}",
        "Error when using the {feature}",
        "Access issue for new users",
        "Data missing in the {report}",
        "Sync delay",
        "Unexpected behaviour in the {feature}",
        "Request: {capability}",
        "Login problems",
    };

    static final String[] TICKET_PROBLEM = {
        "Since {weekday}, the {feature} shows an error for some users.",
        "A few users can't see the {report} any more.",
        "The {feature} returns a blank page after saving.",
        "We get a 500 error when opening the {feature}.",
        "Records created yesterday are missing from the {report}.",
        "The numbers in the {report} don't match what we see in the {feature}.",
        "New users don't receive their invitation emails.",
        "The {feature} takes several minutes to load for the {team} team.",
        "Filters in the {feature} reset every time we switch pages.",
        "We'd like to know whether the {feature} supports {capability}.",
    };

    /** Neutral detail in a ticket thread. */
    static final String[] TICKET_CHATTER = {
        "It happens in both Chrome and Edge.",
        "We've tried logging out and back in.",
        "About {n} users are affected.",
        "This started after the last update.",
        "Screenshot attached.",
        "Steps to reproduce are below.",
        "The issue happens intermittently.",
        "Our admin already cleared the cache.",
        "Let me know if you need a HAR file.",
        "We're on the {tier} plan, if that matters.",
        "It's the same for users in {region}.",
        "I can share my screen if that helps.",
        "The error message just says 'something went wrong'.",
        "Nothing changed on our side as far as I know.",
        "Workspace ID is in the attachment.",
        "It worked fine until {weekday}.",
        "Please reply to this thread rather than by phone.",
        "{other} can confirm the details if I'm unavailable.",
        "We use the {feature2} in the same workflow, in case that's related.",
        "Tested with two different accounts, same result.",
    };

    /** Positive tone that fits a support thread. */
    static final String[] TICKET_POSITIVE = {
        "Thanks for the quick fix!",
        "Great support as always, thank you.",
        "Really appreciate how fast you picked this up.",
        "Your team has been brilliant with this.",
        "That did the trick, thanks a lot.",
        "Happy with how quickly this was handled.",
    };

    static final String[] AGENT_REPLY = {
        "Thanks for reporting this. We've reproduced the issue and are investigating.",
        "Could you send a screenshot and the time it happened?",
        "We've applied a fix on our side; please try again and let us know.",
        "This is a known issue and a fix is scheduled for the next release.",
        "I've escalated this to our engineering team and will update you within {hours} hours.",
        "Clearing the cache and signing in again should resolve it; please confirm.",
        "We've adjusted the configuration on your account; it should work now.",
    };

    // ---- slot values -------------------------------------------------------------------------------------

    static final String[] FEATURES = {
        "reporting dashboard", "CSV import", "Salesforce sync", "SSO login", "mobile app", "bulk editor",
        "workflow builder", "API", "notification centre", "audit log", "search", "export scheduler",
        "permissions model", "calendar integration", "forecasting module", "template library", "data export",
        "custom fields editor", "approval flow", "Slack integration",
    };

    static final String[] CAPABILITIES = {
        "custom fields", "bulk updates", "filters by region", "scheduled delivery", "role-based access",
        "multi-currency", "nested groups", "field-level history", "conditional logic", "offline mode",
        "time-zone aware scheduling", "SCIM provisioning",
    };

    static final String[] COMPETITORS = {
        "Northwind Insights", "Pulsetrack", "Gainlytics", "Vantagely", "ClearPath CS", "Stratoscope",
        "Orbital Success", "Signalbase", "a cheaper competitor", "an open-source tool", "one of the big suites",
        "Kinetiq", "Lumio", "Retainly",
    };

    static final String[] TERMS = {"12-month", "two-year", "one-year", "three-year", "multi-year"};

    static final String[] APPROVERS = {
        "our CFO", "my VP", "finance", "the leadership team", "procurement", "my boss", "our COO", "the steering committee",
    };

    static final String[] TEAMS = {
        "sales", "support", "finance", "marketing", "ops", "customer success", "engineering", "HR", "legal",
        "procurement", "onboarding", "partnerships",
    };

    static final String[] REGIONS = {
        "EMEA", "the APAC team", "our Canadian office", "LATAM", "the UK business", "our German subsidiary",
        "the Nordics", "our US branches",
    };

    static final String[] ADDONS = {
        "analytics", "advanced permissions", "API", "premium support", "sandbox", "AI assistant", "data warehouse connector",
    };

    static final String[] TIERS = {"premium", "platinum", "enterprise"};

    static final String[] CITIES = {
        "Austin", "Dublin", "Singapore", "Munich", "Toronto", "Lisbon", "Melbourne", "Nairobi", "São Paulo", "Zürich",
        "Denver", "Warsaw", "Osaka", "Cape Town",
    };

    static final String[] DEPARTMENTS = {"Operations", "Sales", "Customer Success", "IT", "Finance", "Revenue", "Support"};

    static final String[] ISSUES = {
        "data residency question", "incident report", "SSO configuration", "access log retention",
        "subprocessor list", "vulnerability disclosure",
    };

    static final String[] CONTROLS = {
        "SAML SSO", "data residency in the EU", "customer-managed keys", "audit log exports", "IP allow-listing",
        "SCIM deprovisioning",
    };

    static final String[] REPORTS = {
        "weekly pipeline report", "usage export", "NPS dashboard", "renewal forecast", "activity report",
        "adoption dashboard", "monthly summary", "team leaderboard", "SLA report",
    };

    static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

    static final String[] TIMES = {"9am", "10:30", "11am", "1pm", "2:30pm", "3pm", "4pm"};

    static final String[] CALL_TITLES = {
        "Monthly check-in", "Quarterly business review", "Weekly sync", "Adoption review", "Renewal planning",
        "Support follow-up", "Executive touchpoint", "Roadmap session", "Onboarding call",
    };
}
