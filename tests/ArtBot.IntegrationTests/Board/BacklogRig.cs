using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Domain.Planning;
using ArtBot.Features.Backlog;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Planning;
using ArtBot.IntegrationTests.Votes;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Board;

/// <summary>What the backlog tests do on a <see cref="PlanningRig"/>: name a Product Manager, add features, read and save a team's plan card.</summary>
internal static class BacklogRig
{
    public const string PmAad = "pm-aad";
    public const string PmName = "Pat Product";

    public static IPlanStore<Feature> Features(this PlanningRig rig) => rig.Services.GetRequiredService<IPlanStore<Feature>>();

    public static IPlanStore<Milestone> Milestones(this PlanningRig rig) => rig.Services.GetRequiredService<IPlanStore<Milestone>>();

    public static IPlanStore<TeamCapacity> Capacities(this PlanningRig rig) => rig.Services.GetRequiredService<IPlanStore<TeamCapacity>>();

    /// <summary>
    /// Types <paramref name="text"/> in <paramref name="where"/>, a second after the last command: the connector's client-side
    /// limit (7 a second per conversation) runs on the test's clock, which does not move by itself.
    /// </summary>
    public static Task<RecordedRequest> SayAsync(this PlanningRig rig, VoteDriver where, string text, string userAad, string userName = "Someone", Action<JsonObject>? customize = null)
    {
        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        return where.CommandAsync(text, userAad, userName, customize);
    }

    /// <summary><c>art pm add|remove @Pat Product</c> in the ART's channel, as <paramref name="userAad"/>; returns the answer's text.</summary>
    public static async Task<string> PmAsync(this PlanningRig rig, string verb, string userAad = PlanningRig.RteAad) =>
        (await rig.SayAsync(rig.Home, $"art pm {verb} <at>{PmName}</at>", userAad, "Someone", a => a["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = $"<at>{PmName}</at>",
            ["mentioned"] = new JsonObject { ["id"] = "29:" + PmAad, ["name"] = PmName, ["aadObjectId"] = PmAad },
        }))).AllText;

    /// <summary>Submits the feature form in the ART's channel as <paramref name="userAad"/>.</summary>
    public static Task<(HttpStatusCode Status, JsonElement Body)> AddFeatureAsync(
        this PlanningRig rig, string title, string teams, string? businessValue = null, string?[]? wsjf = null, string userAad = PmAad)
    {
        var data = new JsonObject { [FeatureAddData.TitleInput] = title, [FeatureAddData.TeamsInput] = teams };
        if (businessValue is not null)
        {
            data[FeatureAddData.BusinessValueInput] = businessValue;
        }

        string[] ids = [FeatureAddData.ValueInput, FeatureAddData.CriticalityInput, FeatureAddData.RiskInput, FeatureAddData.SizeInput];
        for (var i = 0; wsjf is not null && i < ids.Length; i++)
        {
            data[ids[i]] = wsjf[i];
        }

        return rig.Home.InvokeAsync(FeatureFormCard.AddVerb, data, userAad, PmName);
    }

    /// <summary>Adds a feature for Rocket and Comet as the Product Manager; returns its id.</summary>
    public static async Task<string> FeatureForBothAsync(this PlanningRig rig, string title)
    {
        var (status, body) = await rig.AddFeatureAsync(title, $"{rig.Rocket.ConversationId},{rig.Comet.ConversationId}");
        Assert.Equal(HttpStatusCode.OK, status);
        VoteDriver.CardText(body);
        return (await rig.Features().ListAsync(rig.Art.TenantId, rig.Art.Id, default)).Single(f => f.Title == title).Id;
    }

    /// <summary>The "Save plan" action's data of a plan card (what it showed), with <paramref name="inputs"/> typed in.</summary>
    public static JsonObject SaveData(JsonElement card, JsonObject inputs)
    {
        var save = VoteDriver.Actions(card).Single(a => a.GetProperty("verb").GetString() == TeamPlanCard.SaveVerb);
        var data = JsonNode.Parse(save.GetProperty("data").GetRawText())!.AsObject();
        foreach (var (id, value) in inputs)
        {
            data[id] = value?.DeepClone();
        }

        return data;
    }

    /// <summary>The card of an invoke answer (asserting it is one).</summary>
    public static JsonElement Card(JsonElement body)
    {
        VoteDriver.CardText(body);
        return body.GetProperty("value");
    }
}
