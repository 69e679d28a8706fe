using ArtBot.Domain.Ids;
using ArtBot.Features.Common;
using System.Text.Json;
using ArtBot.BotFramework.Hosting;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Arts;

/// <summary>
/// The ART cards' Universal Actions: <c>art.save</c> (set up, or change settings: RTEs only, on fresh state),
/// <c>art.edit</c> (open the settings form) and <c>art.join</c> (a team picks its ART).
/// </summary>
public sealed partial class ArtActions(ArtContext arts, ILogger<ArtActions> logger) : IBotFeature
{
    public void Register(FeatureTable table) => table
        .Verb(ArtCards.SaveVerb, SaveAsync)
        .Verb(ArtCards.EditVerb, EditAsync)
        .Verb(ArtCards.JoinVerb, JoinAsync);

    private async Task<InvokeResponse> SaveAsync(TurnContext context, JsonElement? data, CancellationToken cancellationToken)
    {
        var turn = new ArtTurn(context, arts);
        var saved = CardData.Read(data, ArtCardDataContext.Default.ArtSaveData);
        var artId = saved.ArtId;
        Art? current = null;
        if (artId is not null)
        {
            var (art, error) = await FindOwnArtAsync(turn, artId, cancellationToken);
            if (art is null)
            {
                return error!;
            }

            current = art;
        }
        else if (!turn.IsChannel)
        {
            return CardResponses.Error("NotAChannel", ArtStrings.ErrorNotAChannel);
        }

        var form = ArtForm.Read(saved);
        var channels = await turn.SummaryChannelsAsync(current, cancellationToken);
        var check = form.Check(turn.Today(current), [.. channels.Select(c => c.Value)]);
        if (check.Settings is not { } settings)
        {
            return CardResponses.Card(ArtCards.Form(form, channels, current, check.Error, turn.Now));
        }

        return current is null
            ? await CreateAsync(turn, settings, form, channels, cancellationToken)
            : await UpdateAsync(turn, current, saved.Version, settings, form, channels, cancellationToken);
    }

    private async Task<InvokeResponse> CreateAsync(
        ArtTurn turn, ArtSettings settings, ArtForm form, IReadOnlyList<BotFramework.Cards.Choice> channels, CancellationToken cancellationToken)
    {
        var art = new Art
        {
            Id = DerivedIds.FromActivity(turn.TenantId, turn.ConversationId, turn.Activity.Id ?? Guid.NewGuid().ToString("N")),
            TenantId = turn.TenantId,
            Name = settings.Name,
            HomeConversationId = turn.ConversationId,
            ServiceUrl = turn.Activity.ServiceUrl!,
            SummaryConversationId = settings.SummaryConversationId,
            CurrentPi = settings.Pi,
            Sync = settings.Sync,
            Rtes = [turn.Actor],
            NameNonResponders = settings.NameNonResponders,
            Cadence = settings.Cadence,
            Language = settings.Language ?? Localized.Culture.Name,
            CreatedBy = turn.Actor,
            CreatedAt = turn.Now,
        };

        if (!await turn.Store.CreateAsync(art, cancellationToken))
        {
            var existing = await turn.FindArtAsync(cancellationToken);
            if (existing?.Art.Id != art.Id)
            {
                return CardResponses.Card(ArtCards.Form(form, channels, null, existing is null ? ArtStrings.FormChannelTakenUnknown : Localized.Format(ArtStrings.FormChannelTaken, existing.Art.Name), turn.Now));
            }
        }

        LogCreated(art.Id);
        var note = ArtStrings.NoteSetUp;
        return CardResponses.Card(ArtCards.Overview(art, [], turn.Today(art), note));
    }

    private async Task<InvokeResponse> UpdateAsync(
        ArtTurn turn, Art current, string? version, ArtSettings settings, ArtForm form, IReadOnlyList<BotFramework.Cards.Choice> channels, CancellationToken cancellationToken)
    {
        var changed = current with
        {
            Name = settings.Name,
            CurrentPi = settings.Pi ?? current.CurrentPi,
            Sync = settings.Sync,
            SummaryConversationId = settings.SummaryConversationId,
            NameNonResponders = settings.NameNonResponders,
            Cadence = settings.Cadence,
            Language = settings.Language ?? current.Language,
        };
        var saved = version == current.Version ? await ArtUpdate.SaveIfUnchangedAsync(turn, current, changed, cancellationToken) : null;
        if (saved is null)
        {
            var fresh = await turn.Store.GetAsync(turn.TenantId, current.Id, cancellationToken) ?? current;
            return CardResponses.Card(ArtCards.Form(ArtForm.From(fresh), channels, fresh, ArtStrings.FormStale, turn.Now));
        }

        LogUpdated(saved.Id);
        var teams = await turn.Store.GetTeamsAsync(turn.TenantId, saved.Id, cancellationToken);
        return CardResponses.Card(ArtCards.Overview(saved, teams, turn.Today(saved), ArtStrings.NoteSaved));
    }

    private async Task<InvokeResponse> EditAsync(TurnContext context, JsonElement? data, CancellationToken cancellationToken)
    {
        var turn = new ArtTurn(context, arts);
        var (art, error) = await FindOwnArtAsync(turn, CardData.Read(data, ArtCardDataContext.Default.ArtEditData).ArtId, cancellationToken);
        return art is null ? error! : CardResponses.Card(ArtCards.Form(ArtForm.From(art), await turn.SummaryChannelsAsync(art, cancellationToken), art, now: turn.Now));
    }

    private async Task<InvokeResponse> JoinAsync(TurnContext context, JsonElement? data, CancellationToken cancellationToken)
    {
        var turn = new ArtTurn(context, arts);
        var join = CardData.Read(data, ArtCardDataContext.Default.ArtJoinData);
        var artId = join.ArtId;
        var name = ArtRules.CheckName(join.TeamName, "team");
        if (!DerivedIds.IsWellFormed(artId) || !name.IsValid || !turn.IsChannel
            || await turn.Store.GetAsync(turn.TenantId, artId!, cancellationToken) is not { } art)
        {
            return CardResponses.Error("ArtNotFound", ArtStrings.ErrorArtNotFoundHere);
        }

        var message = await ArtJoin.JoinAsync(turn, art, name.Value, cancellationToken);
        return CardResponses.Card(new BotFramework.Cards.AdaptiveCard { Body = [new BotFramework.Cards.TextBlock(message)], FallbackText = message });
    }

    /// <summary>The ART named by the card, if it is this conversation's ART and the person acting is one of its RTEs.</summary>
    private static async Task<(Art? Art, InvokeResponse? Error)> FindOwnArtAsync(ArtTurn turn, string? artId, CancellationToken cancellationToken)
    {
        if (!DerivedIds.IsWellFormed(artId) || await turn.FindArtAsync(cancellationToken) is not { } membership || membership.Art.Id != artId)
        {
            return (null, CardResponses.Error("ArtNotFound", ArtStrings.ErrorArtNotInChannel));
        }

        return turn.IsRte(membership.Art)
            ? (membership.Art, null)
            : (null, CardResponses.Error("NotRte", ArtTurn.OnlyRtes(membership.Art, ArtStrings.RteOnlyChangeSettings)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ART {ArtId} set up")]
    private partial void LogCreated(string artId);

    [LoggerMessage(Level = LogLevel.Information, Message = "ART {ArtId} settings changed")]
    private partial void LogUpdated(string artId);
}
