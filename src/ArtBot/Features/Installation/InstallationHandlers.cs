using ArtBot.Features.Common;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Conversations;

namespace ArtBot.Features.Installation;

/// <summary>
/// The bot added to or removed from a team, group chat or personal scope: <c>conversationUpdate</c> with the bot
/// in <c>membersAdded</c>/<c>membersRemoved</c>, or <c>installationUpdate</c> add/remove. Teams (and the Agents
/// Playground) send both for one installation; only the first stores it and posts the welcome card.
/// </summary>
public sealed partial class InstallationHandlers(IConversationStore store, TimeProvider time, ILogger<InstallationHandlers> logger) : IBotFeature
{
    public void Register(FeatureTable table) => table
        .Activity(ActivityTypes.ConversationUpdate, OnConversationUpdateAsync)
        .Activity(ActivityTypes.InstallationUpdate, OnInstallationUpdateAsync);

    public Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var botId = activity.Recipient?.Id;
        if (botId is null)
        {
            return Task.CompletedTask;
        }

        if (activity.MembersAdded?.Any(m => m.Id == botId) == true)
        {
            return InstallAsync(turn, cancellationToken);
        }

        if (activity.MembersRemoved?.Any(m => m.Id == botId) == true)
        {
            return RemoveAsync(turn, cancellationToken);
        }

        return Task.CompletedTask;
    }

    public Task OnInstallationUpdateAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.Activity.Action?.ToLowerInvariant() switch
        {
            "add" or "add-upgrade" => InstallAsync(turn, cancellationToken),
            "remove" or "remove-upgrade" => RemoveAsync(turn, cancellationToken),
            _ => Task.CompletedTask,
        };

    private async Task InstallAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var conversation = Describe(turn.Activity, time.GetUtcNow());
        var isNew = await store.InstallAsync(conversation, cancellationToken);
        LogInstalled(conversation.ConversationType, conversation.ConversationId, isNew);
        if (isNew)
        {
            var card = WelcomeCard.Build(conversation);
            await turn.SendAsync(Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
        }
    }

    private async Task RemoveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var conversationId = ConversationIds.WithoutThread(activity.Conversation!.Id!);
        await store.MarkRemovedAsync(ConversationIds.Tenant(activity), conversationId, time.GetUtcNow(), cancellationToken);
        LogRemoved(conversationId);
    }

    /// <summary>What is stored for the conversation of an installation event.</summary>
    public static InstalledConversation Describe(Activity activity, DateTimeOffset now)
    {
        var channelData = activity.ChannelData;
        var type = activity.Conversation?.ConversationType
            ?? (channelData?.Team is not null ? ConversationTypes.Channel : ConversationTypes.Personal);
        var isChannel = type == ConversationTypes.Channel;
        var conversationId = ConversationIds.WithoutThread(activity.Conversation!.Id!);
        return new InstalledConversation
        {
            TenantId = ConversationIds.Tenant(activity),
            ConversationId = conversationId,
            ServiceUrl = activity.ServiceUrl!,
            ConversationType = type,
            ConversationName = activity.Conversation.Name,
            TeamId = channelData?.Team?.Id,
            TeamName = channelData?.Team?.Name,
            TeamAadGroupId = channelData?.Team?.AadGroupId,
            ChannelId = isChannel ? channelData?.Channel?.Id ?? conversationId : null,
            // The General channel's id is the team's id and Teams sends no name for it.
            ChannelName = isChannel ? channelData?.Channel?.Name ?? "General" : null,
            InstalledBy = activity.From?.Id,
            BotId = activity.Recipient?.Id,
            InstalledAt = now,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Installed in {ConversationType} conversation {ConversationId} (new: {IsNew})")]
    private partial void LogInstalled(string conversationType, string conversationId, bool isNew);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed from conversation {ConversationId}")]
    private partial void LogRemoved(string conversationId);
}
