using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Dependencies;

/// <summary>
/// The form <c>dependency &lt;text&gt;</c> answers with in a team's channel: what is needed (prefilled with the text),
/// which team provides it, by which iteration of the PI, and optionally which of the team's objectives it serves.
/// </summary>
public static class DependencyFormCard
{
    public const string TextId = "dependencyText";
    public const string ProviderId = "dependencyProvider";
    public const string NeededById = "dependencyNeededBy";
    public const string ObjectiveId = "dependencyObjective";
    public const string NoObjective = "none";

    public static AdaptiveCard Build(
        Art art, ArtTeam requester, IReadOnlyList<ArtTeam> teams, IReadOnlyList<PiObjective> objectives, DateOnly today, string? text)
    {
        var pi = art.CurrentPi!;
        var iterations = art.Cadence.Of(pi);
        var current = art.Cadence.At(pi, today)?.Number ?? 1;
        var providers = teams.Where(t => t.ConversationId != requester.ConversationId).OrderBy(t => t.TeamName, StringComparer.OrdinalIgnoreCase)
            .Select(t => new Choice(t.TeamName, t.ConversationId)).ToList();
        var body = new List<CardElement>
        {
            new TextBlock("Request a dependency") { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock($"{PlainText.EscapeMarkdown(requester.TeamName)} needs something from another team of {PlainText.EscapeMarkdown(art.Name)} in {PlainText.EscapeMarkdown(pi.Name)}. "
                + "The providing team sees it in its channel and commits to an iteration, or declines with a reason.") { IsSubtle = true },
            new TextInput
            {
                Id = TextId,
                Label = "What does your team need?",
                Value = text,
                MaxLength = DependencyRules.MaxTextLength,
                IsMultiline = true,
                IsRequired = true,
                ErrorMessage = "Say what your team needs.",
            },
            new ChoiceSetInput(DependencyCard.IterationChoices(iterations))
            {
                Id = NeededById,
                Label = "Needed by",
                Value = Math.Min(current + 1, iterations[^1].Number).ToString(CultureInfo.InvariantCulture),
                Style = "compact",
                IsRequired = true,
                ErrorMessage = "Choose the iteration you need it by.",
            },
        };
        if (providers.Count > 0)
        {
            body.Insert(3, new ChoiceSetInput(providers)
            {
                Id = ProviderId,
                Label = "Which team provides it?",
                Style = "compact",
                IsRequired = true,
                ErrorMessage = "Choose the team that provides it.",
                Placeholder = "Choose a team",
            });
        }

        if (objectives.Count > 0)
        {
            body.Add(new ChoiceSetInput([new Choice("None", NoObjective), .. objectives.Select(o => new Choice(PlainText.Shorten(o.Text, 80), o.Id))])
            {
                Id = ObjectiveId,
                Label = "For which of our objectives? (optional)",
                Value = NoObjective,
                Style = "compact",
            });
        }

        if (providers.Count == 0)
        {
            body.Add(new TextBlock("No other team has joined the ART yet, so there is nobody to ask: a team's channel joins with `art join <team name>`.") { Color = "Attention" });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = providers.Count == 0 ? null : [new ExecuteAction("Request dependency", DependencyCard.CreateVerb, new JsonObject { ["team"] = requester.ConversationId }) { AssociatedInputs = "auto" }],
            FallbackText = "Request a dependency",
        };
    }

}
