using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Backlog;

/// <summary>
/// <c>features</c>: the current PI's features, highest WSJF first, each with its value, state and where each team's part
/// is planned; a page at a time, so the card stays small at 150 features (the program board in the ART room shows them all).
/// </summary>
public static class FeatureListCard
{
    public const string ShowVerb = "features.show";
    public const int PageSize = 20;
    private const int TitleShown = 120;

    public static AdaptiveCard Build(Art art, IReadOnlyList<Feature> features, int page, bool keepsBacklog, string? notice = null)
    {
        var pi = art.CurrentPi!;
        var iterations = art.Cadence.Of(pi);
        var shown = FeatureBacklog.Ordered(features.Where(f => f.State != FeatureState.Removed)).ToList();
        var pages = Math.Max(1, (shown.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(BacklogStrings.ListTitle, PlainText.EscapeMarkdown(pi.Name))) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(shown.Count == 0 ? BacklogStrings.ListEmpty : Localized.Format(BacklogStrings.ListCount, shown.Count, shown.Count(f => f.State != FeatureState.Backlog)))
            {
                IsSubtle = true,
                Spacing = "None",
            },
        };
        if (notice is not null)
        {
            body.Add(CardNotice.Of(notice, "Good", bolder: true));
        }

        var number = (page - 1) * PageSize;
        foreach (var feature in shown.Skip((page - 1) * PageSize).Take(PageSize))
        {
            number++;
            body.Add(new Container(
            [
                new TextBlock($"{number}\\. {PlainText.EscapeMarkdown(PlainText.Shorten(feature.Title, TitleShown))}") { Weight = "Bolder" },
                new TextBlock(FeatureText.Value(feature) + " \u00b7 " + FeatureText.State(feature.State) + "  \n" + FeatureText.Parts(feature, iterations))
                {
                    IsSubtle = true,
                    Size = "Small",
                    Spacing = "None",
                },
            ]) { Separator = true });
        }

        var more = shown.Count - (page * PageSize);
        if (more > 0)
        {
            body.Add(new TextBlock(Localized.Format(BacklogStrings.ListMore, more)) { IsSubtle = true, Separator = true });
        }

        var actions = new List<CardAction>();
        if (page > 1)
        {
            actions.Add(new ExecuteAction(BacklogStrings.ListPrevious, ShowVerb, PageData(page - 1)));
        }

        if (more > 0)
        {
            actions.Add(new ExecuteAction(BacklogStrings.ListNext, ShowVerb, PageData(page + 1)));
        }

        actions.Add(new ExecuteAction(BacklogStrings.Refresh, ShowVerb, PageData(page)));
        if (keepsBacklog)
        {
            body.Add(new TextBlock(BacklogStrings.ListHowToAdd) { IsSubtle = true, Size = "Small" });
        }

        return new AdaptiveCard { Body = body, Actions = actions, FallbackText = Localized.Format(BacklogStrings.ListTitle, pi.Name) };
    }

    public static JsonObject PageData(int page) => CardData.Write(new FeaturesShowData { Page = page }, BacklogCardDataContext.Default.FeaturesShowData);
}
