using Coordination.Console.Operations;
using Vizor.ECharts;

namespace Coordination.Console.Display;

/// <summary>The operator's lines: one value a sampling round (Beijing time on the axis), gaps where a service did not answer.</summary>
public static class OperationsCharts
{
    public static ChartOptions Lines(IReadOnlyList<DateTimeOffset> times, IReadOnlyList<ChartLine> lines, string unit)
    {
        var series = new List<ISeries>();
        foreach (var line in lines)
            series.Add(new LineSeries { Name = line.Name, Data = line.Values.Select(v => v is { } x ? Math.Round(x, 3) : (double?)null).ToList(), ShowSymbol = false });
        return new ChartOptions
        {
            // Redrawn every few seconds: no animation to wait for.
            Animation = false,
            Tooltip = new() { Trigger = TooltipTrigger.Axis },
            Legend = new() { Data = lines.Select(l => l.Name).ToList(), Top = 0, Type = LegendType.Scroll },
            Grid = new() { Top = 56, Bottom = 24, Left = 48, Right = 16 },
            XAxis = new() { Type = AxisType.Category, Data = times.Select(t => BeijingTime.Of(t).ToString("HH:mm:ss")).ToList() },
            YAxis = new() { Type = AxisType.Value, Name = unit },
            Series = series,
        };
    }
}
