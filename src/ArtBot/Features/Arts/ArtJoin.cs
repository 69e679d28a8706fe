using ArtBot.Features.Common;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Arts;

/// <summary>Joins the turn's channel to an ART as a team, and says what happened.</summary>
public static class ArtJoin
{
    public static async Task<string> JoinAsync(ArtTurn turn, Art art, string teamName, CancellationToken cancellationToken)
    {
        if (await turn.FindArtAsync(cancellationToken) is { Team: null } home)
        {
            return home.Art.Id == art.Id
                ? Localized.Format(ArtStrings.JoinHomeChannel, art.Name)
                : Localized.Format(ArtStrings.JoinHomeOfOther, home.Art.Name);
        }

        var activity = turn.Activity;
        var team = new ArtTeam
        {
            TenantId = turn.TenantId,
            ArtId = art.Id,
            ConversationId = turn.ConversationId,
            TeamName = teamName,
            ServiceUrl = activity.ServiceUrl!,
            TeamsTeamId = activity.ChannelData?.Team?.Id,
            AadGroupId = activity.ChannelData?.Team?.AadGroupId,
            JoinedBy = turn.Actor,
            JoinedAt = turn.Now,
        };

        return await turn.Store.JoinAsync(team, cancellationToken) switch
        {
            JoinResult.Joined => Localized.Format(ArtStrings.JoinJoined, teamName, art.Name, ArtCards.Schedule(art.Sync)),
            JoinResult.AlreadyJoined => Localized.Format(ArtStrings.JoinAlreadyJoined, teamName, art.Name),
            _ => ArtStrings.JoinOtherArt,
        };
    }
}
