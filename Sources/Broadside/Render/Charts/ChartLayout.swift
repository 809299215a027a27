/// The size a chart is drawn at. Every chart is drawn twice at build time, wide (desktops,
/// print) and narrow (phones), and the stylesheet shows the one that suits the screen.
///
/// Why two drawings rather than one that scales: an SVG's text scales with the drawing, so a
/// drawing laid out for a desktop shrinks its text to 6–10 px on a 390 px phone, and one laid out
/// for a phone blows it up on a desktop. Each drawing here is laid out for the width it is shown
/// at, so its text stays between about 11 and 19 px on screen: the narrow one, 320 units, is
/// shown at 280–500 px (phones up to 40em, capped by `.chart-narrow`'s max-width); the wide one,
/// 560 units, at 520–612 px (`.chart`'s max-width) and at the 5.8 in of a printed page.
struct ChartLayout {
    enum Size: String { case wide, narrow }

    let size: Size
    /// The drawing's width in its own units (its viewBox).
    let width: Double
    /// Height of the plotting area of column and line charts.
    let plotHeight: Double

    static let wide = ChartLayout(size: .wide, width: 560, plotHeight: 240)
    static let narrow = ChartLayout(size: .narrow, width: 320, plotHeight: 200)

    /// About one gridline per 40 units of height: room for the tick labels between them.
    var tickCount: Int { Int(plotHeight / 40) }

    /// The widest a bar chart's category names may be before they wrap onto more lines.
    var categoryWidth: Double { width * 0.36 }
}
