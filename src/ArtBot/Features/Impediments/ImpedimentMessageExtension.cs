using ArtBot.Features.Common;
using System.Text.Json;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Conversations;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Impediments;

/// <summary>
/// The "Raise impediment" message extension action (command id <c>raiseImpediment</c>, from a message's menu or the
/// compose box). <c>composeExtension/fetchTask</c> answers with the dialog, pre-filled from the message;
/// <c>composeExtension/submitAction</c> stores the impediment (keyed by the message id, else the activity id, so a
/// second submit of the same message stores nothing new), answers at once and posts the card after answering.
/// Malformed requests get a 400 with a reason; invalid input reopens the dialog with the reason; never a 500.
/// </summary>
public sealed partial class ImpedimentMessageExtension(
    IConversationStore conversations,
    IArtStore arts,
    ImpedimentRaising raising,
    ILogger<ImpedimentMessageExtension> logger) : IBotFeature
{
    public const string CommandId = "raiseImpediment";

    public void Register(FeatureTable table) => table
        .Invoke(MessagingExtensionAction.FetchTaskInvoke, FetchTaskAsync)
        .Invoke(MessagingExtensionAction.SubmitActionInvoke, SubmitActionAsync);

    public async Task<InvokeResponse> FetchTaskAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (Parse(turn.Activity) is not { } action)
        {
            return BadRequest("The message extension request has no readable value.");
        }

        if (!string.Equals(action.CommandId, CommandId, StringComparison.Ordinal))
        {
            return TaskModuleResponse.Message(Localized.Format(ImpedimentStrings.MessageNoAction, action.CommandId)).ToInvokeResponse();
        }

        try
        {
            var scope = ImpedimentScope.Of(turn.Activity);
            var team = (await ImpedimentDrafts.ArtOfAsync(arts, scope, cancellationToken)).TeamName
                ?? await ImpedimentDrafts.TeamNameAsync(conversations, turn.Activity, scope, cancellationToken);
            var values = Prefill(action.MessagePayload, team);
            return Dialog(values);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, FetchName);
            return TaskModuleResponse.Message(ImpedimentStrings.MessageDialogFailed).ToInvokeResponse();
        }
    }

    public async Task<InvokeResponse> SubmitActionAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (Parse(turn.Activity) is not { } action)
        {
            return BadRequest("The message extension request has no readable value.");
        }

        if (!string.Equals(action.CommandId, CommandId, StringComparison.Ordinal))
        {
            return TaskModuleResponse.Message(Localized.Format(ImpedimentStrings.MessageNoAction, action.CommandId)).ToInvokeResponse();
        }

        if (action.Data is not { ValueKind: JsonValueKind.Object } data)
        {
            return BadRequest("The dialog sent no data.");
        }

        var payload = action.MessagePayload;
        var submitted = ImpedimentRaising.Read(CardData.Read(data, ImpedimentCardDataContext.Default.ImpedimentRaiseData), Author(payload), payload?.LinkToMessage, payload?.Id is { Length: > 0 } payloadId ? payloadId : null);
        if (ImpedimentRaising.Refusal(submitted) is { } again)
        {
            return Dialog(again); // what was typed, with the reason; nothing is stored
        }

        if (ImpedimentScope.Actor(turn.Activity) is not { } actor)
        {
            return BadRequest("Teams did not say who raised it.");
        }

        var key = submitted.SourceMessageId is { } messageId ? "message:" + messageId : "activity:" + (turn.Activity.Id ?? Guid.NewGuid().ToString("N"));
        var raised = await raising.RaiseAsync(turn.Activity, actor, submitted, key, cancellationToken);
        return TaskModuleResponse.Message(raised switch
        {
            null => ImpedimentStrings.MessageSaveFailed,
            { Created: false } => Localized.Format(ImpedimentStrings.MessageAlreadyRaised, raised.Impediment.Title),
            _ => Localized.Format(raised.Impediment.Kind == ImpedimentKind.Risk ? ImpedimentStrings.MessageRaisedRisk : ImpedimentStrings.MessageRaisedImpediment, raised.Impediment.Title),
        }).ToInvokeResponse();
    }

    /// <summary>The dialog's values for a message (HTML stripped, cut to the limits), or empty for the compose box.</summary>
    public static ImpedimentDialog.Values Prefill(MessageActionsPayload? payload, string? team)
    {
        var text = PlainText.FromHtml(payload?.Body?.Content);
        string? notice = null;
        if (payload is not null && text.Length == 0)
        {
            notice = ImpedimentStrings.PrefillNoText;
        }
        else if (text.Length > ImpedimentRules.MaxDescriptionLength)
        {
            notice = Localized.Format(ImpedimentStrings.PrefillCut, text.Length, ImpedimentRules.MaxDescriptionLength);
        }

        var title = text.Length == 0 ? "" : ImpedimentRaising.Cut(ImpedimentRules.DeriveTitle(text), ImpedimentRules.MaxTitleLength);
        return new ImpedimentDialog.Values(
            title,
            ImpedimentRaising.Cut(text, ImpedimentRules.MaxDescriptionLength),
            "impediment",
            "medium",
            team,
            Author(payload),
            payload?.LinkToMessage,
            payload?.Id,
            notice,
            false);
    }

    private static string? Author(MessageActionsPayload? payload) =>
        payload?.From?.User?.DisplayName is { Length: > 0 } user ? user
        : payload?.From?.Application?.DisplayName is { Length: > 0 } app ? app
        : null;

    private static InvokeResponse Dialog(ImpedimentDialog.Values values) =>
        TaskModuleResponse.Continue(new TaskModuleTaskInfo
        {
            Title = ImpedimentStrings.DialogTitle,
            Height = "large",
            Width = "medium",
            Card = ImpedimentDialog.Build(values).ToAttachment(),
        }).ToInvokeResponse();

    private static MessagingExtensionAction? Parse(Activity activity)
    {
        try
        {
            return activity.Value is { ValueKind: JsonValueKind.Object } value
                ? value.Deserialize(BotJsonContext.Default.MessagingExtensionAction)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static InvokeResponse BadRequest(string reason) =>
        new(400, JsonSerializer.SerializeToElement(new ErrorResponse(new ErrorDetail("BadRequest", reason)), BotJsonContext.Default.ErrorResponse));

    private const string FetchName = "fetchTask";

    [LoggerMessage(Level = LogLevel.Error, Message = "Message extension {Step} failed")]
    private partial void LogFailed(Exception exception, string step);
}
