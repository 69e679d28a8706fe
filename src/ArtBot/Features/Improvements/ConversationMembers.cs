using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;

namespace ArtBot.Features.Improvements;

/// <summary>Who is in a conversation, from the Bot Connector: the owner choices of an item card and the owner check.</summary>
public sealed partial class ConversationMembers(ConnectorClient connector, ILogger<ConversationMembers> logger)
{
    public const int MaxChoices = 100;

    /// <summary>The first page of members as owner choices; empty when the connector cannot say.</summary>
    public async Task<IReadOnlyList<ImprovementCard.OwnerChoice>> ChoicesAsync(string serviceUrl, string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var page = await connector.GetConversationPagedMembersAsync(serviceUrl, tenantId, conversationId, MaxChoices, cancellationToken: cancellationToken);
        if (!page.IsSuccess)
        {
            LogMembersUnavailable(page.Kind, page.StatusCode);
            return [];
        }

        return [.. (page.Value?.Members ?? [])
            .Where(m => m.Id is { Length: > 0 })
            .Select(m => new ImprovementCard.OwnerChoice(m.Id!, m.Name is { Length: > 0 } name ? name : m.Id!))
            .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>The member <paramref name="userId"/> of the conversation; <see cref="MemberCheck.NotMember"/> when Teams says there is none.</summary>
    public async Task<MemberCheck> CheckAsync(string serviceUrl, string tenantId, string conversationId, string userId, CancellationToken cancellationToken)
    {
        var member = await connector.GetConversationMemberAsync(serviceUrl, tenantId, conversationId, userId, cancellationToken);
        if (member.IsSuccess && member.Value is { } account)
        {
            return new MemberCheck(MemberStatus.Member, account);
        }

        LogMemberCheck(member.Kind, member.StatusCode);
        return new MemberCheck(member.StatusCode is 400 or 403 or 404 ? MemberStatus.NotMember : MemberStatus.Unknown, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation members unavailable: {Kind} ({Status})")]
    private partial void LogMembersUnavailable(ConnectorOutcomeKind kind, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member check answered {Kind} ({Status})")]
    private partial void LogMemberCheck(ConnectorOutcomeKind kind, int status);
}

/// <summary>Whether a person is a member of a conversation.</summary>
public enum MemberStatus
{
    Member,
    NotMember,
    /// <summary>The connector could not answer (throttled, down): nothing may be concluded.</summary>
    Unknown,
}

/// <summary>The result of <see cref="ConversationMembers.CheckAsync"/>.</summary>
public sealed record MemberCheck(MemberStatus Status, TeamsChannelAccount? Member);
