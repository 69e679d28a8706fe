using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Impediments;

/// <summary>
/// The "Raise impediment" dialog of the message extension: title, description, kind, severity and team, pre-filled
/// from the message it was started from, with the message's author and a link back to it.
/// </summary>
public static class ImpedimentDialog
{

    /// <summary>What the dialog shows; <see cref="Notice"/> explains a problem with a previous submit or the message.</summary>
    public sealed record Values(
        string Title, string Description, string Kind, string Severity, string? Team,
        string? SourceAuthor, string? SourceLink, string? SourceMessageId, string? Notice, bool NoticeIsError);

    /// <summary>
    /// The form. As the message extension's dialog the raise button submits the dialog; in a chat
    /// (<paramref name="raiseVerb"/> set, the answer to <c>impediment</c> without text) it is a Universal Action.
    /// </summary>
    public static AdaptiveCard Build(Values values, string? raiseVerb = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock(ImpedimentStrings.DialogHeading) { Size = "Medium", Weight = "Bolder", Style = "heading" },
        };

        if (values.SourceAuthor is { Length: > 0 } || values.SourceLink is { Length: > 0 })
        {
            body.Add(new TextBlock(values.SourceAuthor is { Length: > 0 } author
                ? Localized.Format(ImpedimentStrings.DialogFromMessageBy, PlainText.EscapeMarkdown(author))
                : ImpedimentStrings.DialogFromMessage) { IsSubtle = true, Size = "Small", Spacing = "None" });
        }

        if (values.Notice is { } notice)
        {
            body.Add(CardNotice.Of(PlainText.EscapeMarkdown(notice), values.NoticeIsError ? "Attention" : "Warning"));
        }

        body.Add(new TextInput
        {
            Id = ImpedimentRaiseData.TitleInput,
            Label = ImpedimentStrings.FormTitleLabel,
            Value = values.Title,
            MaxLength = ImpedimentRules.MaxTitleLength,
            IsRequired = true,
            ErrorMessage = ImpedimentStrings.FormTitleError,
            Placeholder = ImpedimentStrings.FormTitlePlaceholder,
        });
        body.Add(new TextInput
        {
            Id = ImpedimentRaiseData.DescriptionInput,
            Label = ImpedimentStrings.FormDescriptionLabel,
            Value = values.Description,
            IsMultiline = true,
            MaxLength = ImpedimentRules.MaxDescriptionLength,
            Placeholder = ImpedimentStrings.FormDescriptionPlaceholder,
        });
        body.Add(new ColumnSet(
        [
            new Column(
            [
                new ChoiceSetInput([new Choice(ImpedimentStrings.FormKindImpediment, "impediment"), new Choice(ImpedimentStrings.FormKindRisk, "risk")])
                {
                    Id = ImpedimentRaiseData.KindInput,
                    Label = ImpedimentStrings.FormKindLabel,
                    Value = values.Kind,
                    Style = "compact",
                    IsRequired = true,
                    ErrorMessage = ImpedimentStrings.FormKindError,
                },
            ]) { Width = "stretch" },
            new Column(
            [
                new ChoiceSetInput([new Choice(ImpedimentStrings.SeverityLow, "low"), new Choice(ImpedimentStrings.SeverityMedium, "medium"), new Choice(ImpedimentStrings.SeverityHigh, "high"), new Choice(ImpedimentStrings.SeverityCritical, "critical")])
                {
                    Id = ImpedimentRaiseData.SeverityInput,
                    Label = ImpedimentStrings.FormSeverityLabel,
                    Value = values.Severity,
                    Style = "compact",
                    IsRequired = true,
                    ErrorMessage = ImpedimentStrings.FormSeverityError,
                },
            ]) { Width = "stretch" },
        ]));
        body.Add(new TextInput
        {
            Id = ImpedimentRaiseData.TeamInput,
            Label = ImpedimentStrings.FormTeamLabel,
            Value = values.Team,
            MaxLength = ImpedimentRules.MaxTeamNameLength,
            Placeholder = ImpedimentStrings.FormTeamPlaceholder,
        });

        var actions = new List<CardAction>();
        if (Uri.TryCreate(values.SourceLink, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps)
        {
            actions.Add(new OpenUrlAction(ImpedimentStrings.ActionOpenMessage, link.AbsoluteUri) { Id = "open-message" });
        }

        var data = CardData.Write(
            new ImpedimentRaiseData { SourceMessageId = values.SourceMessageId is { Length: > 0 } messageId ? messageId : null },
            ImpedimentCardDataContext.Default.ImpedimentRaiseData);

        actions.Insert(0, raiseVerb is null
            ? new SubmitAction(ImpedimentStrings.ActionRaise, data) { Id = "raise" }
            : new ExecuteAction(ImpedimentStrings.ActionRaise, raiseVerb, data) { Id = "raise", Style = "positive" });
        return new AdaptiveCard { Body = body, Actions = actions, FallbackText = ImpedimentStrings.DialogFallback, Msteams = null };
    }
}
