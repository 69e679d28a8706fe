using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Impediments;

namespace ArtBot.Features.Impediments;

/// <summary>
/// The "Raise impediment" dialog of the message extension: title, description, kind, severity and team, pre-filled
/// from the message it was started from, with the message's author and a link back to it.
/// </summary>
public static class ImpedimentDialog
{
    public const string TitleInput = "title";
    public const string DescriptionInput = "description";
    public const string KindInput = "kind";
    public const string SeverityInput = "severity";
    public const string TeamInput = "team";
    public const string SourceMessageField = "sourceMessageId";

    /// <summary>What the dialog shows; <see cref="Notice"/> explains a problem with a previous submit or the message.</summary>
    public sealed record Values(
        string Title, string Description, string Kind, string Severity, string? Team,
        string? SourceAuthor, string? SourceLink, string? SourceMessageId, string? Notice, bool NoticeIsError);

    public static AdaptiveCard Build(Values values)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Raise an impediment or risk") { Size = "Medium", Weight = "Bolder", Style = "heading" },
        };

        if (values.SourceAuthor is { Length: > 0 } || values.SourceLink is { Length: > 0 })
        {
            body.Add(new TextBlock(values.SourceAuthor is { Length: > 0 } author
                ? $"From a message by {ImpedimentRules.EscapeMarkdown(author)}; the impediment links back to it."
                : "From a message; the impediment links back to it.") { IsSubtle = true, Size = "Small", Spacing = "None" });
        }

        if (values.Notice is { } notice)
        {
            body.Add(new TextBlock(ImpedimentRules.EscapeMarkdown(notice)) { Color = values.NoticeIsError ? "Attention" : "Warning" });
        }

        body.Add(new TextInput
        {
            Id = TitleInput,
            Label = "Title",
            Value = values.Title,
            MaxLength = ImpedimentRules.MaxTitleLength,
            IsRequired = true,
            ErrorMessage = "Give it a short title.",
            Placeholder = "What blocks the team?",
        });
        body.Add(new TextInput
        {
            Id = DescriptionInput,
            Label = "Description",
            Value = values.Description,
            IsMultiline = true,
            MaxLength = ImpedimentRules.MaxDescriptionLength,
            Placeholder = "Details, impact, what help is needed",
        });
        body.Add(new ColumnSet(
        [
            new Column(
            [
                new ChoiceSetInput([new Choice("Impediment (blocks us now)", "impediment"), new Choice("Risk (might block us)", "risk")])
                {
                    Id = KindInput,
                    Label = "Kind",
                    Value = values.Kind,
                    Style = "compact",
                    IsRequired = true,
                    ErrorMessage = "Choose impediment or risk.",
                },
            ]) { Width = "stretch" },
            new Column(
            [
                new ChoiceSetInput([new Choice("Low", "low"), new Choice("Medium", "medium"), new Choice("High", "high"), new Choice("Critical", "critical")])
                {
                    Id = SeverityInput,
                    Label = "Severity",
                    Value = values.Severity,
                    Style = "compact",
                    IsRequired = true,
                    ErrorMessage = "Choose a severity.",
                },
            ]) { Width = "stretch" },
        ]));
        body.Add(new TextInput
        {
            Id = TeamInput,
            Label = "Team",
            Value = values.Team,
            MaxLength = ImpedimentRules.MaxTeamNameLength,
            Placeholder = "The team it blocks",
        });

        var actions = new List<CardAction>();
        if (Uri.TryCreate(values.SourceLink, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps)
        {
            actions.Add(new OpenUrlAction("Open the message", link.AbsoluteUri) { Id = "open-message" });
        }

        var data = new JsonObject();
        if (values.SourceMessageId is { Length: > 0 } messageId)
        {
            data[SourceMessageField] = messageId;
        }

        actions.Insert(0, new SubmitAction("Raise", data) { Id = "raise" });
        return new AdaptiveCard { Body = body, Actions = actions, FallbackText = "Raise an impediment", Msteams = null };
    }
}
