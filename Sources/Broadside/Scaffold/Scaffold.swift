import Foundation

/// `broadside new`: a new content file with the right front matter and the page's usual
/// parts, ready to fill in. It never overwrites: an existing file stops it before it writes.
public enum Scaffold {
    public enum Kind: String, CaseIterable, Sendable {
        case guide, law, chart, event, packet, site
    }

    public struct File: Sendable, Equatable {
        /// Under the content folder: `laws/pc-1203-4.md`; for a new site, under its own folder.
        public var path: String
        public var text: String
    }

    public enum Problem: Error, CustomStringConvertible {
        case badName(String)
        case exists(String)

        public var description: String {
            switch self {
            case .badName(let name):
                "'\(name)' cannot name a file: use lowercase letters, digits and hyphens, like pc-1203-4 or town-hall-2027"
            case .exists(let path):
                "\(path) already exists: choose another name, or edit that file"
            }
        }
    }

    /// The files a new `kind` called `name` needs. `handouts` are existing handout pages, for a
    /// new packet to list.
    public static func files(_ kind: Kind, name: String, today: Day, handouts: [String] = []) throws -> [File] {
        guard !name.isEmpty, name.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }),
              name.first != "-", name.last != "-" else { throw Problem.badName(name) }
        let title = Slug.humanize(name)
        switch kind {
        case .site:
            return siteFiles(title: title, today: today)
        case .guide:
            return [File(path: "guides/\(name).md", text: """
                ---
                title: "\(title)"
                summary: One plain sentence that says who this guide is for and what it helps them do.
                date: \(today)
                tags: [organizing]
                ---

                Say in two or three short sentences what this guide helps a group do.

                ## Before you start

                - A first step.
                - A second step.

                ## On the day

                What to do, in order.

                ## Sources

                - [An official source](https://leginfo.legislature.ca.gov/)

                """)]
        case .law:
            return [File(path: "laws/\(name).md", text: """
                ---
                title: "\(title)"
                summary: One plain sentence that says what this law does and who it can help.
                date: \(today)
                # reviewed: YYYY-MM-DD   (the day a lawyer or DOJ-accredited representative checks this page)
                tags: [relief]
                handout: true
                pages: 2
                ---

                - **Code section:** Penal Code § …
                - **Bill:** AB …
                - **In effect since:** …
                - **Who it helps:** …

                > **Not legal advice.** Every case is different. Before you act, ask a lawyer or a DOJ-accredited representative. A notario cannot give legal advice.

                ## What the law does

                Explain it in short sentences. Use everyday words. Say what the law does, then who it helps.

                ## Who can use it

                ## What to do now

                ## Sources

                - [The law on leginfo](https://leginfo.legislature.ca.gov/)

                """)]
        case .chart:
            return [
                File(path: "charts/\(name).md", text: """
                    ---
                    title: "Chart: \(title)"
                    summary: One plain sentence that says what the chart shows.
                    date: \(today)
                    tags: [relief]
                    ---

                    Say in one or two sentences what the chart shows and where its numbers come from.

                    ```chart
                    src: \(name).csv
                    type: column
                    x: Year
                    y: People
                    ```

                    ## How to read the chart

                    Each column is one year.

                    """),
                File(path: "charts/\(name).csv", text: "Year,People\n2024,100\n2025,120\n"),
                File(path: "charts/\(name).yml", text: """
                    # Describes \(name).csv for every page that shows it (README, "Tables and charts from CSV").
                    title: \(title)
                    source:
                      name: Where the numbers come from
                      url: https://www.example.org/
                    as_of: \(today)

                    """),
            ]
        case .event:
            return [File(path: "events/\(name).md", text: """
                ---
                title: "\(title)"
                summary: One plain sentence that says what happens and who should come.
                date: \(today)
                tags: [town-hall]
                event:
                  start: \(today) 18:00
                  end: \(today) 20:00
                  venue: The place's name
                  address: Street, city, CA ZIP
                  accessibility: [Step-free entrance]
                  languages: [Español]
                  # rsvp_url: https://…
                ---

                Say what will happen, and what people should bring.

                """)]
        case .packet:
            let listed = handouts.isEmpty ? ["laws/example.md   # a page with handout: true"] : Array(handouts.prefix(4))
            return [File(path: "packets/\(name).yml", text: """
                # A packet prints several handouts as one PDF (README, "Handouts and packets").
                title: \(title)
                subtitle: Who it is for and where to use it
                lang: en
                cover: >-
                  Two or three sentences for the cover: who these handouts are for, and in what order to read them.
                duplex: true
                pages:
                \(listed.map { "  - \($0)" }.joined(separator: "\n"))

                """)]
        }
    }
}

extension Scaffold {
    /// Writes `files` under `content`, all or none: any that exists already stops it first.
    public static func write(_ files: [File], under content: SiteFolders.Folder) throws {
        for file in files where FileManager.default.fileExists(atPath: content.path(file.path)) {
            throw Problem.exists(content.display(file.path))
        }
        for file in files {
            let url = URL(fileURLWithPath: content.path(file.path))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
        }
    }

    /// Pages of the default language marked `handout: true`, for a new packet to list.
    public static func handoutPages(in content: SiteFolders.Folder) -> [String] {
        var diagnostics = Diagnostics()
        let paths = (try? FileIO.disk.listFiles(content.path(""))) ?? []
        return paths.filter { $0.hasSuffix(".md") && $0.split(separator: ".").count == 2 }.filter { path in
            guard let data = try? FileIO.disk.read(content.path(path)),
                  case .success(let file) = SourceFile.decode(data, relativePath: path, displayPath: path) else { return false }
            return PageSource.parse(file, diagnostics: &diagnostics).frontMatter.handout
        }
    }

    /// A new project: its settings, a home page, and the workflow that publishes it to GitHub Pages.
    private static func siteFiles(title: String, today: Day) -> [File] {
        [
            File(path: "Site/site.yml", text: """
                # Broadside site settings. See Broadside's README, "Customizing the site".
                title: "\(title)"
                # The site's address online, once it has one: handouts print a QR code to each page,
                # and the site gets a feed, a sitemap and link previews.
                # base_url: https://example.org/
                language: en
                # Other languages: a page's translation sits beside it as NAME.<code>.md.
                # languages:
                #   es: Español

                """),
            File(path: "Content/index.md", text: """
                ---
                title: "\(title)"
                summary: One plain sentence that says who this toolkit is for and what it offers.
                date: \(today)
                ---

                Say in two or three short sentences what this site offers and who it is for.
                Start a page with `broadside new guide NAME` or `broadside new law NAME`.

                """),
            File(path: PublishingFiles.pagesWorkflowPath, text: PublishingFiles.pagesWorkflow),
        ]
    }
}
