namespace ArtBot.BotFramework.Schema;

/// <summary>Who sent an activity, as a stable id for storage.</summary>
public static class ActivityIdentity
{
    /// <summary>The sender's Entra object id, else their Teams user id; null when Teams said neither.</summary>
    public static string? UserId(this Activity activity) =>
        activity.From?.AadObjectId is { Length: > 0 } aad ? aad
        : activity.From?.Id is { Length: > 0 } id ? id
        : null;
}
