using ArtBot.BotFramework.Schema;
using System.Collections.Concurrent;
using ArtBot.BotFramework.Routing;
using ArtBot.Features.Common;
using ArtBot.Domain.Conversations;

namespace ArtBot.Features.Installation;

/// <summary>
/// Keeps the stored serviceUrl of a conversation current (Teams may move a conversation to another
/// regional endpoint). Runs for every activity but reads (and writes when it changed) only when the URL differs from the
/// one this instance last saw, so a busy conversation costs one read per instance, not one per activity.
/// </summary>
public sealed class ServiceUrlTracker(IConversationStore store) : IBotFeature
{
    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<(string Tenant, string Conversation), string> _known = new();

    /// <summary>Runs before every other handler, for every activity.</summary>
    public void Register(FeatureTable table) => table.Activity(null, OnActivityAsync);

    public async Task OnActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var tenant = ConversationIds.Tenant(activity);
        var conversation = ConversationIds.WithoutThread(activity.Conversation!.Id!);
        var serviceUrl = activity.ServiceUrl!;
        if (_known.TryGetValue((tenant, conversation), out var known) && known == serviceUrl)
        {
            return;
        }

        // Noted before the write, so the activities arriving with it (a burst of ballots on a conversation this instance
        // has not seen) do not each refresh it; forgotten again if the refresh fails, so a later activity retries.
        if (_known.Count >= MaxRemembered)
        {
            _known.Clear();
        }

        _known[(tenant, conversation)] = serviceUrl;
        try
        {
            await store.RefreshServiceUrlAsync(tenant, conversation, serviceUrl, cancellationToken);
        }
        catch
        {
            _known.TryRemove(new KeyValuePair<(string, string), string>((tenant, conversation), serviceUrl));
            throw;
        }
    }
}
