using ArtBot.Features.Room;

namespace ArtBot.Features.Board;

/// <summary>
/// The program board as one CSV (the room's format: RFC 4180, UTF-8 with BOM, formulas defused): a row per feature
/// part, per dependency string and per milestone, the first column saying which.
/// </summary>
public static class BoardCsv
{
    public static byte[] Write(BoardView view) => RoomCsv.Write(
        ["Kind", "Title", "Team", "Iteration", "Points", "Business value", "WSJF", "State", "From team", "To team", "Needed in iteration", "Committed iteration", "Date", "Link"],
        view.Features.SelectMany(f => (f.Parts.Count == 0 ? [null] : f.Parts.Select(p => (BoardPart?)p))
                .Select(p => new object?[] { "feature", f.Title, p?.TeamName, p?.Iteration, p?.Points, f.BusinessValue, f.Wsjf, f.State, null, null, null, null, null, f.SourceUrl }))
            .Concat(view.Strings.Select(s => new object?[] { "dependency", s.Text, null, null, null, null, null, s.Words, s.FromTeamName, s.ToTeamName, s.ToIteration, s.FromIteration, null, null }))
            .Concat(view.Milestones.Select(m => new object?[] { "milestone", m.Title, null, m.Iteration, null, null, null, m.Kind, null, null, null, null, m.Date, null })));
}
