using System.Globalization;
using System.Text.Json;

namespace ArtBot.LoadTests;

/// <summary>
/// The costs a unit of work (a ballot, a delivered message, an API request) may have in the bot process, per scenario, from
/// <c>budgets.json</c> (the one file that holds them): set about twice today's figures so machine noise does not fail a
/// run, exceptions and log lines at 0. A smoke run prints its costs and fails when one is over.
/// </summary>
public sealed record CostBudgets(double CpuMs, long AllocatedBytes, double Exceptions, double LogEntries)
{
    public static CostBudgets For(string scenario)
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "budgets.json"));
        using var json = JsonDocument.Parse(file);
        var budget = json.RootElement.GetProperty(scenario);
        return new CostBudgets(
            budget.GetProperty("cpuMs").GetDouble(), budget.GetProperty("allocatedBytes").GetInt64(),
            budget.GetProperty("exceptions").GetDouble(), budget.GetProperty("logEntries").GetDouble());
    }

    /// <summary>Prints the costs of <paramref name="units"/> units against this budget; true when every one is within it.</summary>
    public bool Check(string unit, BotCosts total, int units)
    {
        string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
        string Met(bool ok) => ok ? "within" : "OVER BUDGET";
        var cpu = total.CpuMs / units;
        var allocated = (double)total.AllocatedBytes / units;
        var exceptions = (double)total.Exceptions / units;
        var logs = (double)total.LogEntries / units;
        Console.WriteLine();
        Console.WriteLine($"| Cost of the bot process per {unit} ({units} {unit}s) | Measured | Budget (budgets.json) | |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| CPU time (ms) | {F(cpu, "0.000")} | {F(CpuMs, "0.0##")} | {Met(cpu <= CpuMs)} |");
        Console.WriteLine($"| Bytes allocated | {F(allocated, "#,0")} | {F(AllocatedBytes, "#,0")} | {Met(allocated <= AllocatedBytes)} |");
        Console.WriteLine($"| Exceptions thrown (first chance) | {F(exceptions, "0.###")} ({total.Exceptions}) | {F(Exceptions, "0.###")} | {Met(exceptions <= Exceptions)} |");
        Console.WriteLine($"| Log entries written | {F(logs, "0.###")} ({total.LogEntries}) | {F(LogEntries, "0.###")} | {Met(logs <= LogEntries)} |");
        return cpu <= CpuMs && allocated <= AllocatedBytes && exceptions <= Exceptions && logs <= LogEntries;
    }
}
