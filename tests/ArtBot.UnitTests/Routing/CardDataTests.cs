using System.Text.Json;
using ArtBot.BotFramework.Routing;
using ArtBot.Features.Arts;
using ArtBot.Features.Impediments;
using ArtBot.Features.Objectives;
using ArtBot.Features.Sync;
using ArtBot.Features.Votes;

namespace ArtBot.UnitTests.Routing;

/// <summary>
/// Card action data read into its record as cards and clients send it: inputs as text, but numbers and booleans too;
/// anything that does not fit reads as absent, so the handler answers as for a missing value, never with a 500.
/// </summary>
public sealed class CardDataTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Theory]
    [InlineData("""{"concern":"Too much scope"}""", "Too much scope")]
    [InlineData("""{"concern":42}""", "42")]
    [InlineData("""{"concern":4.50}""", "4.50")]
    [InlineData("""{"concern":true}""", "true")]
    [InlineData("""{"concern":false}""", "false")]
    [InlineData("""{"concern":null}""", null)]
    [InlineData("""{"concern":{"text":"x"}}""", null)]
    [InlineData("""{"concern":["x"]}""", null)]
    [InlineData("""{"Concern":"wrong case"}""", null)]
    [InlineData("""{}""", null)]
    public void Text_is_read_from_strings_numbers_and_booleans(string json, string? expected)
    {
        Assert.Equal(expected, CardData.Read(Json(json), VoteCardDataContext.Default.VoteConcernData).Concern);
    }

    [Theory]
    [InlineData("""{"voteId":"v","value":4}""", 4)]
    [InlineData("""{"voteId":"v","value":"4"}""", 4)]
    [InlineData("""{"voteId":"v","value":" 4 "}""", 4)]
    [InlineData("""{"voteId":"v","value":"4.0"}""", null)]
    [InlineData("""{"voteId":"v","value":4.5}""", null)]
    [InlineData("""{"voteId":"v","value":"four"}""", null)]
    [InlineData("""{"voteId":"v","value":true}""", null)]
    [InlineData("""{"voteId":"v","value":{"n":4}}""", null)]
    [InlineData("""{"voteId":"v","value":null}""", null)]
    public void Whole_numbers_are_read_from_numbers_or_text(string json, int? expected)
    {
        var ballot = CardData.Read(Json(json), VoteCardDataContext.Default.VoteCastData);

        Assert.Equal(("v", expected), (ballot.VoteId, ballot.Value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("[]")]
    [InlineData("\"voteId\"")]
    [InlineData("42")]
    public void Data_that_is_not_an_object_reads_as_an_empty_record(string? json)
    {
        var data = json is null ? (JsonElement?)null : Json(json);

        Assert.Equal(new VoteCastData(), CardData.Read(data, VoteCardDataContext.Default.VoteCastData));
    }

    [Fact]
    public void Data_of_the_wrong_shape_reads_as_an_empty_record_not_an_exception()
    {
        var owner = CardData.Read(Json("""{"impedimentId":"i","ownerId":"lee","people":"lee"}"""), ImpedimentCardDataContext.Default.ImpedimentOwnerData);

        Assert.Equal((null, null, null), (owner.ImpedimentId, owner.OwnerId, owner.People));
    }

    [Fact]
    public void The_people_the_owner_picker_offered_are_read_by_id()
    {
        var owner = CardData.Read(Json("""{"impedimentId":"i","ownerId":"lee-aad","people":{"lee-aad":"Lee Gu","alex-aad":"Alex Wilber"}}"""),
            ImpedimentCardDataContext.Default.ImpedimentOwnerData);

        Assert.Equal("Lee Gu", owner.People!["lee-aad"]);
        Assert.Equal("""{"impedimentId":"i","people":{"lee-aad":"Lee Gu","alex-aad":"Alex Wilber"},"ownerId":"lee-aad"}""",
            CardData.Write(owner, ImpedimentCardDataContext.Default.ImpedimentOwnerData).ToJsonString());
    }

    [Fact]
    public void A_record_is_written_with_its_wire_names_numbers_as_numbers_and_nothing_for_null()
    {
        Assert.Equal("""{"voteId":"v1","value":5}""", CardData.Write(new VoteCastData { VoteId = "v1", Value = 5 }, VoteCardDataContext.Default.VoteCastData).ToJsonString());
        Assert.Equal("""{"voteId":"v1"}""", CardData.Write(new VoteCastData { VoteId = "v1" }, VoteCardDataContext.Default.VoteCastData).ToJsonString());
        Assert.Equal("{}", CardData.Write(new VoteStartData(), VoteCardDataContext.Default.VoteStartData).ToJsonString());
        Assert.Equal("""{"artId":"a","occurrence":"20270331"}""",
            CardData.Write(new CheckInAnswerData { ArtId = "a", Occurrence = "20270331" }, SyncCardDataContext.Default.CheckInAnswerData).ToJsonString());
        Assert.Equal("""{"team":"19:t","id":"o1"}""",
            CardData.Write(new ObjectiveHistoryData { Team = "19:t", Id = "o1" }, ObjectiveCardDataContext.Default.ObjectiveHistoryData).ToJsonString());
    }

    [Fact]
    public void Inputs_whose_ids_carry_an_item_id_are_read_through_the_record()
    {
        var edit = CardData.Read(Json("""{"team":"19:t","id":"o1","objectiveText-o1":"Ship it","objectiveStretch-o1":true,"objectiveText-o2":"Other"}"""),
            ObjectiveCardDataContext.Default.ObjectiveEditData);
        var roam = CardData.Read(Json("""{"impedimentId":"i7","roam-i7":"owned","roam-i8":"accepted"}"""), ImpedimentCardDataContext.Default.ImpedimentRoamData);
        var value = CardData.Read(Json("""{"team":"19:t","id":"o1","objectiveValue-o1":8}"""), ObjectiveCardDataContext.Default.ObjectiveValueData);

        Assert.Equal(("Ship it", true), (edit.Text(), CardData.IsOn(edit.Stretch())));
        Assert.Equal("owned", roam.Chosen());
        Assert.Equal("8", value.Value());
    }

    [Theory]
    [InlineData("""{"nameNonResponders":"true","ipIteration":"false"}""", true, false)]
    [InlineData("""{"nameNonResponders":"TRUE","ipIteration":true}""", true, true)]
    [InlineData("""{"nameNonResponders":true}""", true, null)]
    [InlineData("""{"nameNonResponders":"yes","ipIteration":1}""", false, false)]
    [InlineData("""{"nameNonResponders":{},"ipIteration":{}}""", false, null)]
    public void Toggles_are_on_for_true_in_any_case_as_text_or_boolean(string json, bool nameNonResponders, bool? ipIteration)
    {
        var form = ArtForm.Read(CardData.Read(Json(json), ArtCardDataContext.Default.ArtSaveData));

        Assert.Equal((nameNonResponders, ipIteration), (form.NameNonResponders, form.IpIteration));
    }

    [Theory]
    [InlineData("""{"status":null}""", "?")]
    [InlineData("""{"status":{"a":1}}""", "?")]
    [InlineData("""{"status":["on-track"]}""", "?")]
    [InlineData("""{"status":7}""", "7")]
    [InlineData("""{}""", null)]
    public void The_check_in_reads_a_value_that_is_no_text_as_not_valid_not_as_absent(string json, string? expected)
    {
        Assert.Equal(expected, CardData.Read(Json(json), SyncCardDataContext.Default.CheckInAnswerData).Status);
    }
}
