using GenAITrends.Core.Posts;
using ScottPlot;

namespace GenAITrends.Core.Reports;

/// <summary>The report's charts, drawn on the server with ScottPlot as PNG at print resolution, in the web's theme colours.</summary>
public static class SnapshotCharts
{
    /// <summary>Pixels per PDF point: 2.5 ≈ 180 dpi, sharp on paper and quick to encode.</summary>
    public const float Scale = 2.5f;

    private static readonly ScottPlot.Color Ink = ScottPlot.Color.FromHex("#1F2937");
    private static readonly ScottPlot.Color Grid = ScottPlot.Color.FromHex("#E5E7EB");

    public static ScottPlot.Color ColourOf(Theme theme) => ScottPlot.Color.FromHex(Themes.Get(theme).Colour);

    /// <summary>Share of posts per theme over time, stacked (themes overlap, so the stack can exceed the themed share).</summary>
    public static byte[] ShareStacked(SnapshotData data, double widthPt, double heightPt)
    {
        var plot = NewPlot();
        var xs = X(data);
        var bottom = new double[xs.Length];
        var single = xs.Length < 2;
        foreach (var info in Themes.All)
        {
            var detail = data.Themes.First(t => t.Theme == info.Theme);
            var share = ShareSeries(data, info.Theme);
            var top = bottom.Zip(share, (b, s) => b + s * 100).ToArray();
            if (single)
            {
                var bar = plot.Add.Bar(new Bar { Position = xs[0], ValueBase = bottom[0], Value = top[0], FillColor = ColourOf(info.Theme), Size = BucketWidth(data) * 0.6, LineWidth = 0 });
                _ = bar;
            }
            else
            {
                var fill = plot.Add.FillY(xs, bottom, top);
                fill.FillColor = ColourOf(info.Theme).WithAlpha(0.85);
                fill.LineColor = ColourOf(info.Theme);
                fill.LineWidth = 0.5f;
                fill.MarkerSize = 0;
            }
            bottom = top;
            _ = detail;
        }
        foreach (var info in Themes.All) AddLegendItem(plot, info);
        BottomLegend(plot);
        plot.Axes.Left.Label.Text = "Share of posts (%)";
        plot.Axes.Bottom.Label.Text = BucketLabel(data.Period.Granularity);
        var max = bottom.DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsY(0, Math.Max(5, max * 1.12));
        DateAxis(plot, data);
        return Render(plot, widthPt, heightPt);
    }

    /// <summary>Mean sentiment per theme over time, on [-1, 1]; null when no post of the period has a sentiment score.</summary>
    public static byte[]? SentimentLines(SnapshotData data, double widthPt, double heightPt)
    {
        var plot = NewPlot();
        var xs = X(data);
        var any = false;
        foreach (var info in Themes.All)
        {
            var detail = data.Details.FirstOrDefault(d => d.Theme == info.Theme);
            var sentiment = detail?.Sentiment ?? SentimentSeries(data, info.Theme);
            if (sentiment is null) continue;
            var (px, py) = Valid(xs, sentiment);
            if (px.Length == 0) continue;
            any = true;
            var s = plot.Add.Scatter(px, py, ColourOf(info.Theme));
            s.LineWidth = 1.6f;
            s.MarkerSize = px.Length <= 40 ? 3.5f : 0;
        }
        if (!any) return null;
        foreach (var info in Themes.All) AddLegendItem(plot, info);
        BottomLegend(plot);
        ZeroLine(plot);
        plot.Axes.Left.Label.Text = "Mean sentiment (−1 to +1)";
        plot.Axes.Bottom.Label.Text = BucketLabel(data.Period.Granularity);
        plot.Axes.SetLimitsY(-1.05, 1.05);
        DateAxis(plot, data);
        return Render(plot, widthPt, heightPt);
    }

    public static byte[] ThemeVolume(SnapshotData data, ThemeDetail detail, double widthPt, double heightPt)
    {
        var plot = NewPlot();
        var xs = X(data);
        var width = BucketWidth(data) * 0.8;
        var bars = xs.Select((x, i) => new Bar { Position = x, Value = detail.Volume[i], FillColor = ColourOf(detail.Theme), Size = width, LineWidth = 0 }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Left.Label.Text = "Posts";
        plot.Axes.Bottom.Label.Text = BucketLabel(data.Period.Granularity);
        plot.Axes.SetLimitsY(0, Math.Max(1, detail.Volume.DefaultIfEmpty(0).Max()) * 1.12);
        DateAxis(plot, data);
        return Render(plot, widthPt, heightPt);
    }

    public static byte[]? ThemeSentiment(SnapshotData data, ThemeDetail detail, double widthPt, double heightPt)
    {
        var (px, py) = Valid(X(data), detail.Sentiment);
        if (px.Length == 0) return null;
        var plot = NewPlot();
        var s = plot.Add.Scatter(px, py, ColourOf(detail.Theme));
        s.LineWidth = 1.8f;
        s.MarkerSize = px.Length <= 40 ? 4 : 0;
        ZeroLine(plot);
        plot.Axes.Left.Label.Text = "Mean sentiment";
        plot.Axes.Bottom.Label.Text = BucketLabel(data.Period.Granularity);
        plot.Axes.SetLimitsY(-1.05, 1.05);
        DateAxis(plot, data);
        return Render(plot, widthPt, heightPt);
    }

    private static Plot NewPlot()
    {
        ReportFonts.EnsureInstalled();
        var plot = new Plot();
        plot.Font.Set(ReportFonts.Family);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Grid.MajorLineColor = Grid;
        plot.Axes.Color(Ink);
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Left.Label.FontSize = 9.5f;
        plot.Axes.Left.Label.Bold = false;
        plot.Axes.Bottom.Label.FontSize = 9.5f;
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.Left.TickLabelStyle.FontSize = 8.5f;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 8.5f;
        plot.Legend.FontSize = 9;
        return plot;
    }

    private static void AddLegendItem(Plot plot, ThemeInfo info)
    {
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = info.Label, FillColor = ColourOf(info.Theme), LineWidth = 0, MarkerShape = MarkerShape.None });
    }

    private static void BottomLegend(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowOffset = new PixelOffset(0, 0);
        plot.Legend.ShadowColor = Colors.Transparent;
    }

    private static void ZeroLine(Plot plot)
    {
        var h = plot.Add.HorizontalLine(0, 1, ScottPlot.Color.FromHex("#9CA3AF"), LinePattern.Dashed);
        h.LabelText = "";
    }

    private static void DateAxis(Plot plot, SnapshotData data)
    {
        var axis = plot.Axes.DateTimeTicksBottom();
        var days = data.Period.Days;
        var format = days <= 62 ? "d MMM" : days <= 550 ? "MMM yyyy" : "MMM yyyy";
        axis.TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic { LabelFormatter = d => d.ToString(format, System.Globalization.CultureInfo.InvariantCulture) };
        var xs = X(data);
        var pad = BucketWidth(data) * 0.6;
        plot.Axes.SetLimitsX(xs[0] - pad, xs[^1] + pad);
    }

    private static byte[] Render(Plot plot, double widthPt, double heightPt)
    {
        plot.ScaleFactor = Scale;
        var bytes = plot.GetImageBytes((int)Math.Round(widthPt * Scale), (int)Math.Round(heightPt * Scale), ImageFormat.Png);
        return bytes;
    }

    private static double[] X(SnapshotData data) => data.Buckets.Select(b => b.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();

    private static double BucketWidth(SnapshotData data) => data.Period.Granularity switch
    {
        Granularity.Day => 1,
        Granularity.Week => 7,
        _ => 30,
    };

    private static string BucketLabel(Granularity g) => g switch
    {
        Granularity.Day => "Day (UTC)",
        Granularity.Week => "Week starting (UTC)",
        _ => "Month (UTC)",
    };

    private static (double[] X, double[] Y) Valid(double[] xs, IReadOnlyList<double> ys)
    {
        var px = new List<double>();
        var py = new List<double>();
        for (var i = 0; i < xs.Length && i < ys.Count; i++)
            if (!double.IsNaN(ys[i])) { px.Add(xs[i]); py.Add(ys[i]); }
        return (px.ToArray(), py.ToArray());
    }

    private static IReadOnlyList<double> ShareSeries(SnapshotData data, Theme theme) =>
        data.Series.TryGetValue(theme, out var s) ? s.Share : new double[data.Buckets.Count];

    private static IReadOnlyList<double>? SentimentSeries(SnapshotData data, Theme theme) =>
        data.Series.TryGetValue(theme, out var s) ? s.Sentiment : null;
}
