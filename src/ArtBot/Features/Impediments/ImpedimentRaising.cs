using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;

namespace ArtBot.Features.Impediments;

/// <summary>
/// What the raise form sent (the message extension's dialog or the form <c>impediment</c> answers with in a chat):
/// read, checked, stored once per key, and its card posted after the answer. Both forms share it, so they accept and
/// refuse the same input.
/// </summary>
public sealed partial class ImpedimentRaising(
    IImpedimentStore store, IArtStore arts, SharedImpedimentCards sharedCards, TimeProvider time, ILogger<ImpedimentRaising> logger)
{
    /// <summary>The form's fields from the submitted data (kind and severity default to impediment and medium).</summary>
    public static ImpedimentDialog.Values Read(ImpedimentRaiseData data, string? author = null, string? link = null, string? messageId = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new(data.Title ?? "", data.Description ?? "", data.Kind ?? "impediment", data.Severity ?? "medium", data.Team,
            author, link, messageId ?? data.SourceMessageId, null, false);
    }

    /// <summary>Null when the values can be raised; else the form to show again (typed values cut to the limits) with the reason.</summary>
    public static ImpedimentDialog.Values? Refusal(ImpedimentDialog.Values submitted)
    {
        var error = ImpedimentRules.CheckTitle(submitted.Title).Error
            ?? ImpedimentRules.CheckDescription(submitted.Description).Error
            ?? ImpedimentRules.CheckTeamName(submitted.Team).Error
            ?? (ImpedimentRules.TryParseKind(submitted.Kind, out _) ? null : ImpedimentStrings.MessageErrorKind)
            ?? (ImpedimentRules.TryParseSeverity(submitted.Severity, out _) ? null : ImpedimentStrings.MessageErrorSeverity);
        return error is null ? null : submitted with
        {
            Title = Cut(submitted.Title, ImpedimentRules.MaxTitleLength),
            Description = Cut(submitted.Description, ImpedimentRules.MaxDescriptionLength),
            Kind = ImpedimentRules.TryParseKind(submitted.Kind, out _) ? submitted.Kind : "impediment",
            Severity = ImpedimentRules.TryParseSeverity(submitted.Severity, out _) ? submitted.Severity : "medium",
            Team = Cut(submitted.Team ?? "", ImpedimentRules.MaxTeamNameLength),
            Notice = error,
            NoticeIsError = true,
        };
    }

    /// <summary>
    /// Stores checked values (see <see cref="Refusal"/>) once per <paramref name="key"/> and, when new, posts the card
    /// into the conversation after the caller has answered. Null when storage failed (logged).
    /// </summary>
    public async Task<RaiseResult?> RaiseAsync(Activity activity, Person actor, ImpedimentDialog.Values values, string key, CancellationToken cancellationToken)
    {
        var kind = ImpedimentRules.TryParseKind(values.Kind, out var parsedKind) ? parsedKind : ImpedimentKind.Impediment;
        var severity = ImpedimentRules.TryParseSeverity(values.Severity, out var parsedSeverity) ? parsedSeverity : Severity.Medium;
        var scope = ImpedimentScope.Of(activity);
        var source = values.SourceMessageId is not null || values.SourceLink is not null
            ? ImpedimentSource.Message(values.SourceMessageId, values.SourceLink, values.SourceAuthor)
            : ImpedimentSource.Command(activity.Id);
        var (artId, teamName, locale) = await ImpedimentDrafts.ArtOfAsync(arts, scope, cancellationToken);
        var draft = ImpedimentDrafts.For(activity, scope, actor, time.GetUtcNow(), ImpedimentRules.CheckTitle(values.Title).Value!,
            ImpedimentRules.CheckDescription(values.Description).Value!, kind, severity, ImpedimentRules.CheckTeamName(values.Team).Value ?? teamName,
            source, artId, locale);

        RaiseResult raised;
        try
        {
            raised = await store.RaiseAsync(draft, key, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception);
            return null;
        }

        if (!raised.Created)
        {
            LogAlreadyRaised(raised.Impediment.Id);
            return raised;
        }

        LogRaised(raised.Impediment.Id, raised.Impediment.Source.Kind);
        sharedCards.PostInBackground(raised.Impediment, activity); // after answering: Teams waits at most 5 seconds
        return raised;
    }

    /// <summary>Typed text cut to a field's limit (shown again in the form; the check says what was wrong).</summary>
    internal static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Information, Message = "Impediment {ImpedimentId} raised from a form ({Source})")]
    private partial void LogRaised(string impedimentId, ImpedimentSourceKind source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Impediment {ImpedimentId} was already raised; the submit stored nothing new")]
    private partial void LogAlreadyRaised(string impedimentId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Raising an impediment from a form failed")]
    private partial void LogFailed(Exception exception);
}
