namespace ArtBot.DemoTrain;

/// <summary>
/// What the Aurora ART (the digital commerce train of a fictional outdoor retailer) works on: its teams and their areas,
/// PI objectives, what teams need from each other, what blocks them, and what Inspect &amp; Adapt chose to improve.
/// </summary>
internal static class DemoTexts
{
    public const string ArtName = "Aurora ART";

    /// <summary>The teams: name, area, the objectives of the two finished PIs (three each) and of the current one (two).</summary>
    public static readonly DemoTeamText[] Teams =
    [
        new("Rocket", "checkout and payments",
            ["Offer Apple Pay and Google Pay at checkout", "Cut checkout steps from five to three", "Move card payments to 3-D Secure 2",
             "Save payment methods for returning customers", "Support partial refunds in the order page", "Reduce failed payments by 15%"],
            ["Launch buy-now-pay-later in Germany and Austria", "One-page checkout for guests"]),
        new("Comet", "the mobile app",
            ["Ship order tracking in the iOS and Android apps", "Push notifications for delivery updates", "Crash-free sessions above 99.5%",
             "Wish lists in the app, synced with the web shop", "App sign-in with passkeys", "Offline store map for the ten largest stores"],
            ["Checkout in the app without the web view", "Barcode scanner for in-store product details"]),
        new("Nebula", "search and recommendations",
            ["Typo-tolerant product search", "Recommendations on the product page", "Search results under 300 ms at the 95th percentile",
             "Filters by size, brand and rating on every category", "Personalised home page for signed-in customers", "Synonyms managed by merchandisers"],
            ["Visual search from a photo (beta)", "Recommendations in the order confirmation email"]),
        new("Orbit", "customer accounts and identity",
            ["Single sign-on between web shop and app", "Self-service account deletion (GDPR)", "Consent management for marketing",
             "Passkeys for web sign-in", "Merge duplicate customer accounts", "Loyalty points visible in the account"],
            ["Move 2 million accounts to the new identity service", "Family accounts with shared addresses"]),
        new("Pulsar", "the data platform",
            ["Order events on the event bus for every team", "Daily sales data in the lakehouse by 6:00", "Retire the nightly CSV exports",
             "Customer 360 data product (first version)", "Data quality checks on the five key data sets", "Self-service dashboards for store managers"],
            ["Near-real-time stock levels for all channels", "Data catalogue with owners for every data set"]),
        new("Quasar", "the platform and delivery pipeline",
            ["Pipeline templates used by every team", "Staging environment created on demand", "Deployments without downtime for the web shop",
             "Cut build time to under ten minutes", "Secrets in Key Vault for all services", "Automated rollback on failed health checks"],
            ["Move the last services off the old data centre", "Cost dashboard per team"]),
        new("Meteor", "order fulfilment",
            ["Ship-from-store for the twenty largest stores", "Split deliveries for large orders", "Returns label printed at home",
             "Click and collect within two hours", "Carrier choice at checkout", "Stock reservations expire after 30 minutes"],
            ["Same-day delivery in three cities", "Returns in store for web orders"]),
        new("Zenith", "pricing and promotions",
            ["Promotion engine for bundle offers", "Price changes live within five minutes", "Member prices for loyalty customers",
             "Voucher codes with usage limits", "Markdown prices for end-of-season stock", "Price history to meet the EU Omnibus rule"],
            ["Dynamic prices for the outlet store", "A/B tests of promotion banners"]),
        new("Nova", "customer support tools",
            ["One view of a customer's orders for support agents", "Chat support on the web shop", "Refunds approved by agents in one step",
             "Order changes by agents before shipping", "Support tickets linked to orders", "Knowledge base search for agents"],
            ["Chatbot for order status questions", "Callback booking from the help page"]),
        new("Photon", "the web front end and design system",
            ["Design system 2.0 on all product pages", "Core Web Vitals green on mobile", "Accessible checkout (WCAG 2.1 AA)",
             "Product pages rendered on the server", "Dark mode for the web shop", "Image CDN with modern formats"],
            ["Accessibility audit findings fixed on all pages", "Design system components for the store kiosks"]),
        new("Vega", "partner integrations",
            ["Marketplace feed to two partner platforms", "Supplier stock updates every 15 minutes", "Partner API with OAuth client credentials",
             "Drop-ship orders sent to three suppliers", "Partner onboarding without manual steps", "Invoice matching for drop-ship orders"],
            ["Marketplace orders flow into order fulfilment", "Partner API version 2 with webhooks"]),
        new("Lyra", "analytics and reporting",
            ["Weekly trading report without spreadsheets", "Conversion funnel dashboard", "Attribution of online sales to campaigns",
             "Store traffic data next to online traffic", "Margin per order in the trading report", "Forecast of demand for top 500 products"],
            ["Customer lifetime value per segment", "Promotion performance report for Zenith"]),
    ];

    /// <summary>Every team's objectives every PI (committed): keeping what runs running.</summary>
    public const string RunObjective = "Keep {area} at 99.9% availability";

    /// <summary>Uncommitted (stretch) objectives, one per team and PI.</summary>
    public static readonly string[] StretchObjectives =
    [
        "Pay down the top three tech-debt items in {area}", "Upgrade {area} to .NET 10", "Spike: event sourcing for {area}",
        "Contract tests for the APIs of {area}", "Load test {area} for Black Friday traffic", "Remove unused feature flags in {area}",
    ];

    /// <summary>What each team can provide to others: the text of a dependency on it (by team index).</summary>
    public static readonly string[][] Offerings =
    [
        ["Payment status webhook for order updates", "Refund API for support agents", "Tokenised cards for the mobile checkout"],
        ["Deep links from marketing emails into the app", "App release with the new sign-in screen", "Push notification for price drops"],
        ["Search API filter for store availability", "Recommendation widget for the basket page", "Search index fed with partner products"],
        ["SSO token exchange for the mobile app", "Consent API for marketing preferences", "Customer id mapping for merged accounts"],
        ["Order events on the event bus", "Stock level feed for all channels", "Customer 360 data product access"],
        ["Staging environment with production-like data", "Pipeline template for container apps", "Load test environment for 10x traffic"],
        ["Delivery date promise API", "Return status events", "Store stock reservation API"],
        ["Price API with member prices", "Promotion rules for bundle offers", "Voucher validation endpoint"],
        ["Support view of payment attempts", "Agent tool for order changes", "Ticket link on the order page"],
        ["Design system checkout components", "Accessible date picker component", "Server-rendered product page shell"],
        ["Supplier stock feed", "Marketplace order import", "Partner API sandbox"],
        ["Conversion events in the analytics pipeline", "Campaign attribution report", "Demand forecast export"],
    ];

    /// <summary>Why a team declined a dependency.</summary>
    public static readonly string[] DeclineReasons =
    [
        "No capacity this PI; planned for the next PI", "Not needed any more: the feature moved to the next PI",
        "Already available in the existing API; see the API docs",
    ];

    /// <summary>Impediments: something blocks a team now.</summary>
    public static readonly string[] Impediments =
    [
        "Staging environment down since the database upgrade", "Test data for the payment provider expired",
        "Waiting for firewall rule to the supplier API", "Build agents out of disk space twice a week",
        "Security review of the new login flow not scheduled", "App Store review rejected the release (privacy labels)",
        "No access to production logs for the on-call developer", "Licence for the load test tool ran out",
        "Flaky end-to-end tests block the release pipeline", "Product Owner on sick leave, no backlog refinement",
        "Vendor SDK crashes on Android 15", "Certificate for the partner API expires Friday",
        "Legal has not approved the new consent texts", "Shared QA environment overwritten by another team",
        "Design for the returns flow not ready", "Two developers pulled into incident work for a week",
        "Pull requests wait two days for review", "Carrier API sandbox returns errors for all test orders",
        "Data warehouse export job fails every night", "No decision yet on the search vendor contract",
        "VPN drops break remote debugging sessions", "Missing translations for the Austrian shop",
        "Mobile test devices not delivered", "Budget approval for the CDN upgrade pending",
    ];

    /// <summary>Risks: something might block a team or the train.</summary>
    public static readonly string[] Risks =
    [
        "Black Friday traffic may exceed the checkout capacity", "Payment provider migration could slip into the next PI",
        "Key developer leaving at the end of the PI", "New EU accessibility rules apply from June",
        "Supplier API v1 switched off before our v2 is ready", "App store policy change on tracking consent",
        "Search vendor price increase may force a switch", "Only one person knows the pricing engine",
        "Identity migration may lock out customers with old passwords", "Data platform costs grow faster than usage",
        "Carrier strike announced for next month", "Design system 2.0 not adopted by all teams in time",
        "Unclear ownership of the order events schema", "Load tests not representative of peak traffic",
        "Cloud region capacity limits for the new database tier", "Marketing campaign date moved two weeks earlier",
    ];

    /// <summary>How an impediment was resolved.</summary>
    public static readonly string[] Resolutions =
    [
        "Fixed by the platform team", "Workaround in place, root cause fixed", "Escalated and approved by the Business Owners",
        "Vendor shipped a patch", "Access granted", "Moved to the next PI with the Product Owner's agreement",
    ];

    /// <summary>Concerns voiced on a confidence vote (by voters of 1 or 2).</summary>
    public static readonly string[] Concerns =
    [
        "We depend on {team} for two stories and they have not committed yet",
        "Our capacity does not include the two holidays in iteration 3",
        "The plan has no room for the security review findings",
        "Too many objectives for a team of our size",
    ];

    /// <summary>Check-in progress lines by status: on track, at risk, off track.</summary>
    public static readonly string[][] Progress =
    [
        [
            "All stories of this iteration done; demo ready", "Feature toggled on for 10% of customers, no errors",
            "Finished the API, integration tests green", "On plan; started the next objective early",
            "Beta feedback positive, rolling out next week", "Everything on track, nothing to flag",
        ],
        [
            "Behind by two stories, catching up next iteration", "Waiting on another team; may slip one iteration",
            "Scope grew after user testing; talking to the PO", "Two people out sick this week",
        ],
        [
            "Blocked for a week; objective will miss this PI", "Production incident took the whole iteration",
        ],
    ];

    /// <summary>Milestones teams mention in a check-in.</summary>
    public static readonly string[] Milestones =
    [
        "Release to production on Tuesday", "System demo on Friday", "Beta opens for employees next week",
        "Go-live in Austria at the end of the iteration", "App release submitted to the stores",
    ];

    /// <summary>Inspect &amp; Adapt's improvement items, four per PI workshop (the oldest PI first).</summary>
    public static readonly DemoImprovementText[] Improvements =
    [
        new("Cut the time from merge to production", "Releases wait up to a week for a shared release slot",
            ["Releases are batched", "Only one team may deploy at a time", "The shared staging environment is a bottleneck"],
            "Every team deploys on its own, at least daily"),
        new("Plan capacity with holidays and training", "Teams overcommitted in two of five iterations",
            ["Capacity was planned with full teams", "Holidays were not visible at PI Planning"],
            "Planned and actual capacity within 10%"),
        new("Agree on the order events schema once", "Three teams broke each other's consumers of order events",
            ["Nobody owns the schema", "Changes are not announced"],
            "A schema registry with an owner and compatibility checks"),
        new("Make flaky tests visible", "Releases were blocked 11 times by tests that failed at random",
            ["Flaky tests are re-run instead of fixed", "Nobody sees which tests are flaky"],
            "Flaky tests quarantined within a day, fixed within a week"),
        new("Shorter wait for pull request reviews", "Pull requests waited two days on average for a review",
            ["Reviews are done at the end of the day", "Only senior developers review"],
            "Median review wait under four hours"),
        new("Bring dependencies to PI Planning earlier", "Half of the dependencies were found after PI Planning",
            ["Features were split into stories only on day 2", "Teams did not talk to each other before planning"],
            "Dependencies known before the PI Planning breakouts"),
        new("One on-call rotation for the web shop", "Incidents were handed between teams for hours",
            ["Each team has its own on-call", "No shared runbook"],
            "One rotation with a shared runbook; handover under 15 minutes"),
        new("Accessibility checks in the pipeline", "Accessibility issues were found only in the yearly audit",
            ["No automated checks", "Designers and developers check differently"],
            "axe checks in every pipeline; no critical issue reaches production"),
        new("Fewer meetings in the IP iteration", "Teams had little time for innovation in the IP iteration",
            ["PI Planning preparation takes the whole iteration", "Too many demos"],
            "At least three days of innovation time per person"),
        new("Business value ratings during the PI", "Business Owners rated all objectives only at I&A",
            ["Ratings happen once", "Business Owners miss the system demos"],
            "Objectives rated at the system demo where they are shown"),
        new("Stable test data for payments", "Payment tests failed whenever the provider reset its sandbox",
            ["Test cards expire", "Tests share one sandbox account"],
            "Test data created by the tests themselves"),
        new("Shorter PI Planning day 1", "Day 1 ran two hours over; breakouts started late",
            ["Business context talks too long", "Architecture vision presented live"],
            "Day 1 briefings recorded and watched before PI Planning"),
    ];
}

/// <summary>A team's name, area and objectives (two finished PIs: three each; the current PI: two).</summary>
public sealed record DemoTeamText(string Name, string Area, string[] Earlier, string[] Current);

/// <summary>An improvement item's texts.</summary>
public sealed record DemoImprovementText(string Title, string Problem, string[] Whys, string Outcome);
