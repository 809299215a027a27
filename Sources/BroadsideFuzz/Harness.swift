import Broadside
import BroadsideMarkdown
import Foundation

/// One input through the code that reads what authors write: front matter, CSV, Markdown and
/// the citation linker. Any crash, hang or sanitizer report is a bug.
func exercise(_ bytes: UnsafeRawBufferPointer) {
    guard case .success(let file) = SourceFile.decode(Array(bytes), relativePath: "fuzz.md", displayPath: "fuzz.md") else { return }
    var diagnostics = Diagnostics()
    let page = PageSource.parse(file, diagnostics: &diagnostics)
    _ = CSV.parse(file, diagnostics: &diagnostics)
    _ = Markdown(options: MarkdownOptions(reservedIDs: ["main"])).render(page.body, numberLinks: true,
        rewriteLink: { $0.url.hasSuffix(".md") ? RewrittenLink("x/index.html", after: "<span>(x)</span>") : nil },
        renderFence: { $0.info == "table" ? "<figure></figure>" : nil },
        autolink: { text in Citations.find(in: text).map { AutoLink(range: $0.range, url: $0.url, title: $0.name) } })
    buildSite(around: file.text)
}

/// The input as a page, a CSV table and its description, built as a whole site: whatever the
/// build reports, no page it makes may break `OutputInvariants`.
func buildSite(around text: String) {
    let site = Build(options: BuildOptions(pdf: .off, today: Day(year: 2026, month: 12, day: 1)), io: .memory([
        "Content/index.md": text,
        "Content/data/t.csv": text,
        "Content/data/t.yml": text,
        "Content/data/page.md": "---\ntitle: T\nsummary: s\nhandout: true\n---\n```table\nsrc: t.csv\n```\n\n```chart\nsrc: t.csv\ny: [B, C]\n```\n",
    ])).run(write: false).site
    for (route, bytes) in site?.pages ?? [:] {
        if let violation = OutputInvariants.violation(in: String(decoding: bytes, as: UTF8.self)) {
            fatalError("\(route): \(violation)")
        }
    }
}

#if FUZZING
// libFuzzer drives the run from our own main (SwiftPM names it BroadsideFuzz_main), through
// its documented entry point; Tests/fuzz/run links libFuzzer without its main.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("BroadsideFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        exercise(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
}
#else
/// `BroadsideFuzz FILE…` replays inputs (a crash found by the fuzzer, the seed corpus).
@main
struct Replay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            data.withUnsafeBytes(exercise)
        }
        print("replayed \(CommandLine.arguments.count - 1) inputs")
    }
}
#endif
