using System.Globalization;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Backlog;

/// <summary>
/// The form <c>feature add</c> answers with for Product Managers and RTEs: a feature of the current PI's ART backlog
/// (title, description, business value 1 to 10, optionally the four WSJF inputs on SAFe's scale, the teams involved).
/// </summary>
public static class FeatureFormCard
{
    public const string AddVerb = "feature.add";

    public static AdaptiveCard Build(Art art, IReadOnlyList<ArtTeam> teams, string? notice = null)
    {
        var pi = art.CurrentPi!;
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(BacklogStrings.FormTitle, PlainText.EscapeMarkdown(pi.Name))) { Size = "Large", Weight = "Bolder", Style = "heading" },
        };
        if (notice is not null)
        {
            body.Add(CardNotice.Of(notice, "Good", bolder: true));
        }

        body.Add(new TextBlock(Localized.Format(BacklogStrings.FormIntro, PlainText.EscapeMarkdown(art.Name))) { IsSubtle = true });
        body.Add(new TextInput
        {
            Id = FeatureAddData.TitleInput,
            Label = BacklogStrings.FormTitleLabel,
            MaxLength = Feature.MaxTitle,
            IsRequired = true,
            ErrorMessage = BacklogStrings.FormTitleError,
        });
        body.Add(new TextInput { Id = FeatureAddData.DescriptionInput, Label = BacklogStrings.FormDescriptionLabel, MaxLength = Feature.MaxDescription, IsMultiline = true });
        body.Add(new NumberInput
        {
            Id = FeatureAddData.BusinessValueInput,
            Label = BacklogStrings.FormBusinessValueLabel,
            Min = 1,
            Max = 10,
            ErrorMessage = BacklogStrings.FormBusinessValueError,
        });
        body.Add(new TextBlock(BacklogStrings.FormWsjfHeading) { Weight = "Bolder", Separator = true });
        body.Add(new TextBlock(BacklogStrings.FormWsjfHint) { IsSubtle = true, Size = "Small", Spacing = "None" });
        body.Add(Scale(FeatureAddData.ValueInput, BacklogStrings.FormWsjfValue));
        body.Add(Scale(FeatureAddData.CriticalityInput, BacklogStrings.FormWsjfCriticality));
        body.Add(Scale(FeatureAddData.RiskInput, BacklogStrings.FormWsjfRisk));
        body.Add(Scale(FeatureAddData.SizeInput, BacklogStrings.FormWsjfSize));
        if (teams.Count > 0)
        {
            body.Add(new ChoiceSetInput([.. teams.OrderBy(t => t.TeamName, StringComparer.OrdinalIgnoreCase).Select(t => new Choice(t.TeamName, t.ConversationId))])
            {
                Id = FeatureAddData.TeamsInput,
                Label = BacklogStrings.FormTeamsLabel,
                IsMultiSelect = true,
                Style = "compact",
                Placeholder = BacklogStrings.FormTeamsPlaceholder,
                Separator = true,
            });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new ExecuteAction(BacklogStrings.FormSubmit, AddVerb, CardData.Write(new FeatureAddData(), BacklogCardDataContext.Default.FeatureAddData))
                {
                    AssociatedInputs = "auto",
                    Style = "positive",
                },
                new ExecuteAction(BacklogStrings.ShowFeatures, FeatureListCard.ShowVerb, FeatureListCard.PageData(1)),
            ],
            FallbackText = Localized.Format(BacklogStrings.FormTitle, pi.Name),
        };
    }

    private static ChoiceSetInput Scale(string id, string label) =>
        new([.. Wsjf.Scale.Select(v => new Choice(v.ToString(CultureInfo.InvariantCulture), v.ToString(CultureInfo.InvariantCulture)))])
        {
            Id = id,
            Label = label,
            Style = "compact",
            Placeholder = BacklogStrings.FormWsjfPlaceholder,
        };
}
