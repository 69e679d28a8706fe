namespace ArtBot.LoadTests;

/// <summary>
/// Picks the scenario: <c>--scenario votes</c> (default, the vote storm), <c>--scenario fanout</c> (the weekly sync
/// fan-out), <c>--scenario room</c> (the ART room API) or <c>--scenario meeting</c> (the vote in a Teams meeting), <c>--scenario board</c> (the program board), <c>--scenario fanout-model</c> (what the fan-out's time bound allows any sender, a model). Every other argument goes to the scenario (e.g. <c>--smoke</c>).
/// </summary>
public static class LoadTestProgram
{
    public static async Task<int> Main(string[] args)
    {
        var index = Array.IndexOf(args, "--scenario");
        var scenario = index >= 0 && index + 1 < args.Length ? args[index + 1] : "votes";
        return scenario switch
        {
            "votes" => await VoteStormProgram.RunAsync(args).ConfigureAwait(false),
            "fanout" => await FanOutScenario.RunAsync(args).ConfigureAwait(false),
            "room" => await RoomBench.RunAsync(args).ConfigureAwait(false),
            "meeting" => await MeetingBench.RunAsync(args).ConfigureAwait(false),
            "board" => await BoardBench.RunAsync(args).ConfigureAwait(false),
            "fanout-model" => FanOutBoundModel.Run(),
            _ => Usage(scenario),
        };
    }

    private static int Usage(string scenario)
    {
        Console.Error.WriteLine($"Unknown scenario '{scenario}'. Use --scenario votes (default), fanout, room, meeting, board or fanout-model, optionally with --smoke.");
        return 2;
    }
}
