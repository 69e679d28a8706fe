using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;

namespace ArtBot.Features.Common;

/// <summary>Whether the sender of an activity is one of an ART's RTEs (or Business Owners).</summary>
public static class RteCheck
{
    /// <summary>
    /// By Entra object id or by Teams user id: an RTE added by @mention is stored by Teams id when Teams could not tell
    /// their Entra object id.
    /// </summary>
    public static bool IsRteOf(this Activity activity, Art art) =>
        art.IsRte(activity.From?.AadObjectId) || art.IsRte(activity.From?.Id);

    /// <summary>The same for the ART's Business Owners.</summary>
    public static bool IsBusinessOwnerOf(this Activity activity, Art art) =>
        art.IsBusinessOwner(activity.From?.AadObjectId) || art.IsBusinessOwner(activity.From?.Id);

    /// <summary>Whether the sender keeps the ART backlog: one of its Product Managers or RTEs.</summary>
    public static bool KeepsBacklogOf(this Activity activity, Art art) =>
        art.KeepsBacklog(activity.From?.AadObjectId) || art.KeepsBacklog(activity.From?.Id);
}
