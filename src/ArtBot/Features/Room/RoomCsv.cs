using System.Globalization;
using System.Text;
using CsvHelper;

namespace ArtBot.Features.Room;

/// <summary>
/// Each ART room view as CSV from the same answer as its JSON: RFC 4180 (CsvHelper quotes what needs quoting), CRLF
/// line ends, UTF-8 with a byte-order mark so Excel reads names with accents right, one header row.
/// </summary>
public static class RoomCsv
{
    public static byte[] Overview(OverviewView view) => Write(
        ["PI", "Team", "Scope", "Question", "Round", "Ballots", "Average", "Closed", "Outcome"],
        view.Votes.Select(v => new object?[] { view.Pi, v.Team, v.Scope, v.Question, v.Round, v.Count, v.Average, v.Closed ? "yes" : "no", v.Outcome }));

    public static byte[] Risks(RisksView view) => Write(
        ["Kind", "Title", "Team", "Owner", "ROAM", "Age (days)", "Severity", "Escalated"],
        view.Roam.SelectMany(c => c.Items).Concat(view.Impediments)
            .Select(i => new object?[] { i.Kind, i.Title, i.Team, i.Owner, i.Roam ?? (i.Kind == "risk" ? "Unroamed" : null), i.AgeDays, i.Severity, i.Escalated ? "yes" : "no" }));

    public static byte[] Sync(SyncView view) => Write(
        ["Team", .. view.Weeks.Select(w => w.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
        view.Rows.Select(r => new object?[] { r.Team }.Concat(r.Cells).ToArray()));

    public static byte[] Improvements(ImprovementsView view) => Write(
        ["Title", "Status", "Owner", "Target PI", "From the I&A of", "Carried over from", "Age (days)"],
        view.Items.Select(i => new object?[] { i.Title, i.Status, i.Owner, i.TargetPi, i.SourcePi, i.CarriedFromPi, i.AgeDays }));

    public static byte[] Predictability(PredictabilityView view) => Write(
        ["PI", "Team", "Planned business value (committed)", "Actual business value", "Predictability (%)"],
        view.Pis.SelectMany(p => new[] { new object?[] { p.Pi, "ART", p.Art.Planned, p.Art.Actual, p.Art.Percent } }
            .Concat(p.Teams.Select(t => new object?[] { p.Pi, t.Team, t.Planned, t.Actual, t.Percent }))));

    /// <summary>One row per PI and measure: the ART's value and sample, the team's (a team's channel) or the spread (the ART's).</summary>
    public static byte[] Review(ReviewView view) => Write(
        ["PI", "Measure", "Unit", "ART", "ART sample", "Team", "Team sample", "Teams with a value", "Lowest team", "Median team", "Highest team"],
        view.Measures.SelectMany(m => m.Points.Select(p => new object?[]
        {
            p.Pi, m.Key, m.Unit, p.Art, p.ArtSample, p.Team, p.TeamSample, p.Spread?.Teams, p.Spread?.Lowest, p.Spread?.Median, p.Spread?.Highest,
        })));

    /// <summary>
    /// The PI's System Demos: a row per feedback (an item nobody gave feedback on: one row of kind "item"), then a row per
    /// integration problem; the columns say what each kind fills in.
    /// </summary>
    public static byte[] Demos(DemosView view) => Write(
        ["PI", "Iteration", "Demo date", "Team", "Item", "Presenter", "Kind", "Verdict or status", "Given by or repair owner", "Comment or what failed", "Root cause", "Repair due (PI and iteration)", "Date", "Repaired on"],
        view.Demos.SelectMany(d => d.Items.SelectMany(i => i.Feedback.Count == 0
                ? [new object?[] { view.Pi, d.Iteration, d.Date, i.Team, i.Title, i.Presenter, "item", null, null, null, null, null, null, null }]
                : i.Feedback.Select(f => new object?[] { view.Pi, d.Iteration, d.Date, i.Team, i.Title, i.Presenter, "feedback", f.Verdict, f.By, f.Comment, null, null, f.Given, null }))
            .Concat(d.Problems.Select(p => new object?[]
            {
                view.Pi, d.Iteration, d.Date, p.Team, p.Item, null, "integration problem", p.Status, p.Owner, p.WhatFailed, p.RootCause,
                p.DueIteration is { } due ? $"{p.DuePi} {due}" : null, p.Raised, p.Repaired,
            }))));

    public static byte[] Dependencies(DependenciesView view) => Dependencies(view.Items);

    public static byte[] Mine(MineView view) => Write(
        ["Kind", "Title", "Team", "Status", "Age (days)"],
        view.Impediments.Concat(view.Risks).Select(i => new object?[] { i.Kind, i.Title, i.Team, i.Roam ?? (i.Kind == "risk" ? "Unroamed" : "open"), i.AgeDays })
            .Concat(view.Improvements.Select(i => new object?[] { "improvement", i.Title, null, i.Status, i.AgeDays }))
            .Concat(view.Dependencies.Select(d => new object?[] { "dependency", d.Text, d.From + " from " + d.To, d.Status, null })));

    private static byte[] Dependencies(IEnumerable<RoomDependency> items) => Write(
        ["Needed by team", "Provided by team", "What", "Needed in iteration", "Committed iteration", "Status", "Why at risk"],
        items.Select(d => new object?[] { d.From, d.To, d.Text, d.NeededBy, d.Committed, d.Status, d.Why }));

    /// <summary>One header row and the rows, each field as text (numbers and dates invariant).</summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\r\n" }, false))
        {
            csv.WriteRecord([.. header]);
            foreach (var row in rows)
            {
                csv.WriteRecord([.. row.Select(field => field switch
                {
                    null => "",
                    double d => d.ToString("0.0", CultureInfo.InvariantCulture),
                    DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => Defuse(field.ToString() ?? ""),
                })]);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Text people typed that a spreadsheet would run as a formula (=, +, -, @) is prefixed with a quote mark.</summary>
    private static string Defuse(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
