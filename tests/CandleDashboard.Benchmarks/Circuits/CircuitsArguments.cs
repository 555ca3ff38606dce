using System.Globalization;

namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// The <c>circuits</c> command's arguments: viewer counts of the steps, <c>--seconds N</c> (the window),
/// <c>--validate</c>, <c>--profile FILE</c> (a CPU trace of the app during the last step's window).
/// </summary>
public sealed record CircuitsArguments(IReadOnlyList<int> Steps, TimeSpan Window, bool Validate, string? ProfileFile)
{
    public static CircuitsArguments Parse(string[] args)
    {
        var steps = new List<int>();
        var seconds = 60;
        var validate = false;
        string? profile = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--validate":
                    validate = true;
                    break;
                case "--profile" when i + 1 < args.Length:
                    profile = args[++i];
                    break;
                case "--seconds" when i + 1 < args.Length:
                    seconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    steps.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
                    break;
            }
        }

        return new CircuitsArguments(steps.Count > 0 ? steps : CircuitLoadHarness.DefaultSteps, TimeSpan.FromSeconds(seconds), validate, profile);
    }
}
