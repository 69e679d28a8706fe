namespace ArtBot.Features.Demos;

/// <summary>What changed in a System Demo (after it is stored): the agenda and the team's feedback card follow.</summary>
public enum DemoChangeKind
{
    /// <summary>The demo itself: moved, skipped, linked to a meeting.</summary>
    Demo,
    /// <summary>A team said what it will show.</summary>
    Answer,
    /// <summary>Someone gave (or changed) feedback on an item.</summary>
    Feedback,
    /// <summary>An integration problem was recorded, planned or repaired.</summary>
    Problem,
    /// <summary>A "needs work" was followed up (improvement item, feature change).</summary>
    FollowUp,
}

/// <summary>A stored change of a System Demo; <see cref="TeamConversationId"/> names the team it is about, when one.</summary>
public sealed record DemoChange(string TenantId, string ArtId, string DemoId, DemoChangeKind Kind, string? TeamConversationId = null);

/// <summary>Hears about stored System Demo changes (schedules a card update; must not block or throw).</summary>
public interface IDemoChangeListener
{
    void Changed(DemoChange change);
}

/// <summary>Tells every <see cref="IDemoChangeListener"/> about a stored change.</summary>
public sealed class DemoChanges(IEnumerable<IDemoChangeListener> listeners)
{
    public void Raise(DemoChange change)
    {
        foreach (var listener in listeners)
        {
            listener.Changed(change);
        }
    }
}
