using System.Text.Json;
using System.Text.Json.Serialization;
using ArtBot.BotFramework.Cards;

namespace ArtBot.BotFramework.Schema;

/// <summary>Source-generated JSON for every wire model: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(IList<Activity>))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(TeamsChannelAccount))]
[JsonSerializable(typeof(IList<TeamsChannelAccount>))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(TeamDetails))]
[JsonSerializable(typeof(ConversationList))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(ErrorDetail))]
[JsonSerializable(typeof(AdaptiveCardInvokeValue))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(MessagingExtensionAction))]
[JsonSerializable(typeof(TaskModuleResponse))]
[JsonSerializable(typeof(TaskModuleTaskInfo))]
[JsonSerializable(typeof(MeetingParticipant))]
[JsonSerializable(typeof(MeetingInfo))]
[JsonSerializable(typeof(TargetedMeetingNotification))]
[JsonSerializable(typeof(MeetingNotificationResponse))]
[JsonSerializable(typeof(MeetingEventValue))]
[JsonSerializable(typeof(MeetingParticipantsEventValue))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class BotJsonContext : JsonSerializerContext;
