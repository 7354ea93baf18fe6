using Coordination.Grpc.Reporting;
using Vizor.ECharts;

namespace Coordination.Console.Display;

/// <summary>The bulletin as a bar chart: each region's batches this month, last month and the same month last year.</summary>
public static class BulletinChart
{
    public static ChartOptions For(GetBeijingBulletinResponse bulletin)
    {
        var regions = bulletin.Regions.OrderBy(r => r.Rank).ToList();
        return new ChartOptions
        {
            // Figures for a reader, drawn at once: no growing bars to wait for.
            Animation = false,
            Tooltip = new() { Trigger = TooltipTrigger.Axis },
            Legend = new() { Data = new List<string> { "本月", "上月（环比）", "去年同月（同比）" } },
            XAxis = new() { Type = AxisType.Category, Data = regions.Select(r => r.RegionCode).ToList() },
            YAxis = new() { Type = AxisType.Value, Name = "批次", MinInterval = 1 },
            Series = new()
            {
                new BarSeries { Name = "本月", Data = regions.Select(r => (double)r.Batches).ToList() },
                new BarSeries { Name = "上月（环比）", Data = regions.Select(r => (double)r.PreviousMonthBatches).ToList() },
                new BarSeries { Name = "去年同月（同比）", Data = regions.Select(r => (double)r.SameMonthLastYearBatches).ToList() },
            },
        };
    }
}
