using System.Globalization;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Dependencies;

/// <summary>
/// The form <c>dependency &lt;text&gt;</c> answers with in a team's channel: what is needed (prefilled with the text),
/// which team provides it, by which iteration of the PI, and optionally which of the team's objectives it serves and
/// which of the team's features needs it.
/// </summary>
public static class DependencyFormCard
{
    public const string NoObjective = "none";

    public static AdaptiveCard Build(
        Art art, ArtTeam requester, IReadOnlyList<ArtTeam> teams, IReadOnlyList<PiObjective> objectives, IReadOnlyList<Feature> features, DateOnly today, string? text)
    {
        var pi = art.CurrentPi!;
        var iterations = art.Cadence.Of(pi);
        var current = art.Cadence.At(pi, today)?.Number ?? 1;
        var providers = teams.Where(t => t.ConversationId != requester.ConversationId).OrderBy(t => t.TeamName, StringComparer.OrdinalIgnoreCase)
            .Select(t => new Choice(t.TeamName, t.ConversationId)).ToList();
        var body = new List<CardElement>
        {
            new TextBlock(DependencyStrings.FormTitle) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(Localized.Format(DependencyStrings.FormIntro,
                PlainText.EscapeMarkdown(requester.TeamName), PlainText.EscapeMarkdown(art.Name), PlainText.EscapeMarkdown(pi.Name))) { IsSubtle = true },
            new TextInput
            {
                Id = DependencyCreateData.TextInput,
                Label = DependencyStrings.FormTextLabel,
                Value = text,
                MaxLength = DependencyRules.MaxTextLength,
                IsMultiline = true,
                IsRequired = true,
                ErrorMessage = DependencyStrings.FormTextError,
            },
            new ChoiceSetInput(DependencyCard.IterationChoices(iterations))
            {
                Id = DependencyCreateData.NeededByInput,
                Label = DependencyStrings.FormNeededByLabel,
                Value = Math.Min(current + 1, iterations[^1].Number).ToString(CultureInfo.InvariantCulture),
                Style = "compact",
                IsRequired = true,
                ErrorMessage = DependencyStrings.FormNeededByError,
            },
        };
        if (providers.Count > 0)
        {
            body.Insert(3, new ChoiceSetInput(providers)
            {
                Id = DependencyCreateData.ProviderInput,
                Label = DependencyStrings.FormProviderLabel,
                Style = "compact",
                IsRequired = true,
                ErrorMessage = DependencyStrings.FormProviderError,
                Placeholder = DependencyStrings.FormProviderPlaceholder,
            });
        }

        if (objectives.Count > 0)
        {
            body.Add(new ChoiceSetInput([new Choice(DependencyStrings.FormObjectiveNone, NoObjective), .. objectives.Select(o => new Choice(PlainText.Shorten(o.Text, 80), o.Id))])
            {
                Id = DependencyCreateData.ObjectiveInput,
                Label = DependencyStrings.FormObjectiveLabel,
                Value = NoObjective,
                Style = "compact",
            });
        }

        if (features.Count > 0)
        {
            body.Add(DependencyFeatures.Input(DependencyCreateData.FeatureInput, DependencyStrings.FormFeatureLabel, features, null));
        }

        if (providers.Count == 0)
        {
            body.Add(new TextBlock(DependencyStrings.FormNoOtherTeam) { Color = "Attention" });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = providers.Count == 0 ? null : [new ExecuteAction(DependencyStrings.FormSubmit, DependencyCard.CreateVerb,
                CardData.Write(new DependencyCreateData { Team = requester.ConversationId }, DependencyCardDataContext.Default.DependencyCreateData)) { AssociatedInputs = "auto" }],
            FallbackText = DependencyStrings.FormTitle,
        };
    }
}
