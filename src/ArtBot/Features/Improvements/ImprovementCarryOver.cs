using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Conversations;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Improvements;

/// <summary>
/// Carries an ART's open improvement items into its new PI, so they are not forgotten: each open item gets the new
/// PI as its target (with a history entry), the ART's home channel gets one card listing them with their owners
/// @mentioned, and each owner gets a 1:1 reminder. Safe to call more than once for the same PI: items already carried
/// are skipped and the post and reminders go out once.
/// </summary>
public sealed partial class ImprovementCarryOver(
    IImprovementStore improvements,
    IConversationStore conversations,
    ConnectorClient connector,
    TimeProvider time,
    ILogger<ImprovementCarryOver> logger) : IPiChangeListener
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Call when <paramref name="art"/>'s current PI changed from <paramref name="previousPi"/> (null: it had none) to
    /// <paramref name="newPi"/> (after the ART was stored). Does nothing when the PI name did not change.
    /// </summary>
    public async Task<CarryOverResult> OnPiChangedAsync(Art art, ProgramIncrement? previousPi, ProgramIncrement newPi, CancellationToken cancellationToken = default)
    {
        using var locale = ArtLocale.ForCard(art).Use(); // the ART's channel and its people's reminders: the ART's language
        ArgumentNullException.ThrowIfNull(art);
        ArgumentNullException.ThrowIfNull(newPi);
        if (string.Equals(previousPi?.Name, newPi.Name, StringComparison.Ordinal))
        {
            return CarryOverResult.None;
        }

        var scope = new ImprovementScope(art.TenantId, art.Id, art.HomeConversationId);
        var now = time.GetUtcNow();
        var carried = 0;
        foreach (var item in ImprovementRules.ToCarry(await improvements.ListAsync(scope, cancellationToken), newPi.Name))
        {
            if (await CarryAsync(scope, item, previousPi?.Name, newPi.Name, now, cancellationToken))
            {
                carried++;
            }
        }

        var open = (await improvements.ListAsync(scope, cancellationToken))
            .Where(i => i.IsOpen && string.Equals(i.TargetPi, newPi.Name, StringComparison.Ordinal)).ToList();
        if (open.Count == 0 || !await improvements.TryClaimCarryOverAsync(scope, newPi.Name, now, cancellationToken))
        {
            LogCarried(art.Id, carried, 0);
            return new CarryOverResult(carried, false, 0);
        }

        var posted = await PostAsync(art, previousPi?.Name, newPi.Name, open, now, cancellationToken);
        var reminded = await RemindOwnersAsync(art, newPi.Name, open, now, cancellationToken);
        LogCarried(art.Id, carried, reminded);
        return new CarryOverResult(carried, posted, reminded);
    }

    Task IPiChangeListener.OnPiChangedAsync(Art art, ProgramIncrement? previous, ProgramIncrement current, CancellationToken cancellationToken) =>
        OnPiChangedAsync(art, previous, current, cancellationToken);

    private async Task<bool> CarryAsync(ImprovementScope scope, ImprovementItem item, string? previousPi, string newPi, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = item;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (!current.IsOpen || string.Equals(current.TargetPi, newPi, StringComparison.Ordinal))
            {
                return false; // finished meanwhile, or carried by another call
            }

            var moved = ImprovementRules.CarryInto(current, previousPi, newPi, now);
            var change = new ImprovementChange(now, null, null, ImprovementField.CarriedOver, moved.CarriedFromPi, newPi);
            if (await improvements.UpdateAsync(moved, [change], cancellationToken) is not null)
            {
                return true;
            }

            current = await improvements.GetAsync(scope, item.Id, cancellationToken);
            if (current is null)
            {
                return false;
            }
        }

        LogNotCarried(item.Id);
        return false;
    }

    private async Task<bool> PostAsync(Art art, string? previousPi, string newPi, IReadOnlyList<ImprovementItem> open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var card = CarryOverCard.Build(art.Name, previousPi, newPi, open, now);
        var owners = open.Where(i => i.OwnerTeamsId is { Length: > 0 })
            .GroupBy(i => i.OwnerTeamsId!, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var message = Activity.CreateMessage(attachments: card.ToAttachment());
        if (owners.Count > 0)
        {
            // @mentions in the text notify the owners in the channel.
            var mentions = owners.Select(o => (Text: $"<at>{System.Net.WebUtility.HtmlEncode(o.OwnerName ?? ImprovementStrings.CarryMentionOwner)}</at>", Owner: o)).ToList();
            message = message with
            {
                Text = Localized.Format(ImprovementStrings.CarryMessage, PlainText.EscapeMarkdown(newPi), string.Join(", ", mentions.Select(m => m.Text))),
                Entities = [.. mentions.Select(m => new Entity { Type = "mention", Text = m.Text, Mentioned = new ChannelAccount { Id = m.Owner.OwnerTeamsId, Name = m.Owner.OwnerName } })],
            };
        }

        var outcome = await connector.SendToConversationAsync(art.ServiceUrl, art.TenantId, art.HomeConversationId, message, cancellationToken);
        if (!outcome.IsSuccess)
        {
            LogPostFailed(art.Id, outcome.Kind.ToString(), outcome.StatusCode);
        }

        return outcome.IsSuccess;
    }

    private async Task<int> RemindOwnersAsync(Art art, string newPi, IReadOnlyList<ImprovementItem> open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var botId = (await conversations.GetAsync(art.TenantId, art.HomeConversationId, cancellationToken))?.BotId;
        if (botId is not { Length: > 0 })
        {
            LogNoBotId(art.Id);
            return 0;
        }

        var reminded = 0;
        foreach (var owner in open.Where(i => i.OwnerTeamsId is { Length: > 0 }).GroupBy(i => i.OwnerTeamsId!, StringComparer.Ordinal))
        {
            var card = CarryOverCard.Reminder(art.Name, newPi, [.. owner], now);
            var outcome = await connector.CreatePersonalConversationAsync(
                art.ServiceUrl, art.TenantId, botId, owner.Key, Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
            if (outcome.IsSuccess)
            {
                reminded++;
            }
            else
            {
                LogReminderFailed(art.Id, outcome.Kind.ToString(), outcome.StatusCode);
            }
        }

        return reminded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ART {ArtId}: {Carried} improvement items carried into the new PI, {Reminded} owners reminded")]
    private partial void LogCarried(string artId, int carried, int reminded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Improvement item {ItemId} was not carried over: it kept changing")]
    private partial void LogNotCarried(string itemId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ART {ArtId}: carried-over items not posted: {Kind} ({Status})")]
    private partial void LogPostFailed(string artId, string kind, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ART {ArtId}: owner reminder not sent: {Kind} ({Status})")]
    private partial void LogReminderFailed(string artId, string kind, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "ART {ArtId}: no bot id stored for the home channel; owners are reminded by the @mentions only")]
    private partial void LogNoBotId(string artId);
}

/// <summary>What <see cref="ImprovementCarryOver.OnPiChangedAsync"/> did.</summary>
/// <param name="Carried">Items whose target became the new PI in this call.</param>
/// <param name="Posted">Whether the list was posted to the ART's home channel in this call.</param>
/// <param name="Reminded">Owners who got a 1:1 reminder in this call.</param>
public sealed record CarryOverResult(int Carried, bool Posted, int Reminded)
{
    public static CarryOverResult None { get; } = new(0, false, 0);
}
