using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>
/// One app page open in the <see cref="TeamsHost"/>: a Teams window (<see cref="Page"/>, sized to the frame) whose iframe
/// (<see cref="App"/>) holds the page, with the frame context and Teams context it was opened in.
/// </summary>
public sealed class TeamsHostFrame
{
    private readonly HashSet<string> _handlers = new(StringComparer.Ordinal);

    internal TeamsHostFrame(int id, string url, string frameContext, int width, int height, TeamsContext context)
    {
        Id = id;
        Url = url;
        FrameContext = frameContext;
        Width = width;
        Height = height;
        Context = context;
    }

    internal int Id { get; }

    public string Url { get; }

    public string FrameContext { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The context <c>getContext</c> answers (the theme follows <see cref="TeamsHost.ChangeThemeAsync"/>).</summary>
    public TeamsContext Context { get; internal set; }

    /// <summary>The Teams window: screenshots, and the iframe element itself.</summary>
    public IPage Page { get; internal set; } = null!;

    /// <summary>The app's page inside the iframe: find and assert with it as with a page.</summary>
    public IFrame App { get; internal set; } = null!;

    /// <summary>Teams closed the frame (a dialog that submitted).</summary>
    public bool IsClosed { get; internal set; }

    /// <summary>The events the page registered for (<c>themeChange</c>, <c>load</c>, <c>settings.save</c>…).</summary>
    public IReadOnlySet<string> Handlers
    {
        get
        {
            lock (_handlers)
            {
                return new HashSet<string>(_handlers, StringComparer.Ordinal);
            }
        }
    }

    internal void Registered(string handler)
    {
        lock (_handlers)
        {
            _handlers.Add(handler);
        }
    }

    /// <summary>A screenshot of the frame as Teams shows it, next to the test binaries.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, name + ".png") });
}
