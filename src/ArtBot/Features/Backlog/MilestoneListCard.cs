using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Backlog;

/// <summary><c>milestones</c>: the current PI's milestones by date (release, event, external), with "Remove" for Product Managers and RTEs.</summary>
public static class MilestoneListCard
{
    public const string RemoveVerb = "milestone.remove";

    public static AdaptiveCard Build(Art art, IReadOnlyList<Milestone> milestones, bool keepsBacklog, string? notice = null, string? noticeColor = null)
    {
        var pi = art.CurrentPi!;
        var shown = milestones.Where(m => !m.Removed).OrderBy(m => m.Date).ThenBy(m => m.CreatedAt).ToList();
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(BacklogStrings.MilestonesTitle, PlainText.EscapeMarkdown(pi.Name))) { Size = "Large", Weight = "Bolder", Style = "heading" },
        };
        if (notice is not null)
        {
            body.Add(CardNotice.Of(notice, noticeColor ?? "Good", bolder: true));
        }

        if (shown.Count == 0)
        {
            body.Add(new TextBlock(BacklogStrings.MilestonesEmpty));
        }

        foreach (var milestone in shown)
        {
            var items = new List<CardElement>
            {
                new TextBlock($"{Localized.Date(milestone.Date)} \u00b7 {PlainText.EscapeMarkdown(milestone.Title)}") { Weight = "Bolder" },
                new TextBlock(Kind(milestone.Kind) + (pi.Contains(milestone.Date) ? "" : " \u00b7 " + BacklogStrings.MilestoneOutsidePi)) { IsSubtle = true, Size = "Small", Spacing = "None" },
            };
            if (keepsBacklog)
            {
                items.Add(new ActionSet([new ExecuteAction(Localized.Format(BacklogStrings.MilestoneRemove, PlainText.Shorten(milestone.Title, 40)), RemoveVerb,
                    CardData.Write(new MilestoneRemoveData { Id = milestone.Id }, BacklogCardDataContext.Default.MilestoneRemoveData))]) { Spacing = "Small" });
            }

            body.Add(new Container(items) { Separator = true });
        }

        body.Add(new TextBlock(BacklogStrings.MilestonesHowToAdd) { IsSubtle = true, Size = "Small", Separator = true });
        return new AdaptiveCard { Body = body, FallbackText = Localized.Format(BacklogStrings.MilestonesTitle, pi.Name) };
    }

    public static string Kind(MilestoneKind kind) => kind switch
    {
        MilestoneKind.Event => BacklogStrings.KindEvent,
        MilestoneKind.External => BacklogStrings.KindExternal,
        _ => BacklogStrings.KindRelease,
    };
}
