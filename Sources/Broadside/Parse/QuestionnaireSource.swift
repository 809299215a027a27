/// `Content/<section>/<name>.questionnaire.yml`: the questions sent to every candidate for an
/// office, who was invited, and the CSV beside it that holds their answers. Read here; the
/// answers are matched to it in assembly, once the CSV is a table.
public struct QuestionnaireSource: Sendable {
    public struct Question: Sendable {
        public var id: Located<String>
        public var text: String
        public var textLocation: SourceLocation
        /// The words an answer may be (`yes`, `partly`, `no`, `declined`), in order; empty for
        /// an open question, whose answer is a few words of the candidate's own.
        public var scale: [String]
        /// The question in other languages, by code, each with where its code is written.
        public var translations: [String: String]
        public var translationLocations: [String: SourceLocation] = [:]
    }

    public struct Candidate: Sendable {
        public var name: Located<String>
        public var party: String?
        public var url: String?
        /// `responded: false`: the organizers know this candidate sent no answers, so the build
        /// does not warn that they are missing from the CSV.
        public var responded: Bool
    }

    /// Words in another language: `translations: {es: {title:, office:, intro:}}`.
    public struct Words: Sendable {
        public var title: String?
        public var office: String?
        public var intro: String?
    }

    /// `elections/da-2026` for `elections/da-2026.questionnaire.yml`.
    public var path: String
    public var displayPath: String
    public var title: String?
    public var office: String
    public var election: Day
    public var collected: Day
    public var intro: String?
    public var questions: [Question]
    public var candidates: [Candidate]
    /// The answers CSV, as a path under Content/, and where `answers:` names it.
    public var answers: Located<String>
    /// Its records, the column names first; empty when it is missing or unreadable (said so).
    public var records: [[CSVField]] = []
    public var answersDisplayPath = ""
    /// The most characters one quote may have, so that every candidate gets the same space.
    public var quoteLimit: Int
    public var quoteLimitLocation: SourceLocation?
    public var translations: [String: Words]
    /// Where each language's code is written under `translations:`.
    public var translationLocations: [String: SourceLocation]

    static let suffix = ".questionnaire.yml"
    static let defaultQuoteLimit = 300

    /// Every questionnaire with its answers read. The answers CSVs are theirs alone: they are
    /// not tables (a candidate's name repeats on every row), and each is read once, here.
    /// `answers` are the CSVs questionnaires name, those that could not be read included: none
    /// of them is a table.
    static func parseAll(_ files: [SourceFile], diagnostics: inout Diagnostics) -> (questionnaires: [QuestionnaireSource], answers: Set<String>) {
        let byPath = Dictionary(files.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        var named: Set<String> = []
        let questionnaires = files.filter { $0.relativePath.hasSuffix(suffix) }.compactMap { file -> QuestionnaireSource? in
            guard var questionnaire = parse(file, answersNamed: &named, diagnostics: &diagnostics) else { return nil }
            guard let csv = byPath[questionnaire.answers.value] else {
                diagnostics.error("there is no \(questionnaire.answers.value) in the content folder: put the answers CSV beside this file (columns candidate,question,answer,quote,source,date)",
                                  at: questionnaire.answers.location)
                return questionnaire
            }
            questionnaire.answersDisplayPath = csv.displayPath
            questionnaire.records = CSV.parse(csv, diagnostics: &diagnostics) ?? []
            if questionnaire.records.isEmpty {
                diagnostics.error("this CSV file is empty: its first line must name the columns candidate,question,answer,quote,source,date",
                                  at: SourceLocation(path: csv.displayPath))
            }
            return questionnaire
        }
        return (questionnaires, named)
    }

    static func parse(_ file: SourceFile, answersNamed: inout Set<String>, diagnostics: inout Diagnostics) -> QuestionnaireSource? {
        guard let read = YAMLFields(yaml: file.text, path: file.displayPath, lineOffset: 0, what: "questionnaire",
                                    diagnostics: &diagnostics) else { return nil }
        let start = SourceLocation(path: file.displayPath)
        let errorsBefore = diagnostics.errorCount
        var fields = YAMLReader(read)
        let title = fields.string("title", diagnostics: &diagnostics)
        let office = fields.string("office", diagnostics: &diagnostics)
        let election = fields.day("election", diagnostics: &diagnostics)
        let collected = fields.day("collected", diagnostics: &diagnostics)
        let intro = fields.string("intro", diagnostics: &diagnostics)
        let answers = fields.string("answers", diagnostics: &diagnostics)
        let folder = file.relativePath.parentPath
        if let answers { answersNamed.insert(folder.isEmpty ? answers : folder + "/" + answers) }
        let quoteLimit = fields.int("quote_limit", diagnostics: &diagnostics)
        let questionItems = fields.entry("questions")?.value
        let candidateItems = fields.entry("candidates")?.value
        let translated = fields.mapping("translations", diagnostics: &diagnostics)
        fields.finish(what: "questionnaire", diagnostics: &diagnostics)

        func require<Value>(_ value: Value?, _ key: String, _ example: String) -> Value? {
            if value == nil, fields.entry(key) == nil {
                diagnostics.error("this questionnaire has no `\(key):`: add \(example)", at: start)
            }
            return value
        }
        let questions = Self.questions(questionItems, fields: read, diagnostics: &diagnostics)
        let candidates = Self.candidates(candidateItems, fields: read, diagnostics: &diagnostics)
        if let limit = quoteLimit, limit < 20 {
            diagnostics.error("'quote_limit' is the most characters one quote may have: give at least 20", at: read.location(ofValue: "quote_limit"))
        }
        // Each asked for before any is judged, so one run names every key that is missing.
        let required = (require(office, "office", "`office: District Attorney`"),
                        require(election, "election", "the election's date, like `election: 2026-06-02`"),
                        require(collected, "collected", "the day answers were due, like `collected: 2026-03-15`"),
                        require(answers, "answers", "the CSV of answers beside it, like `answers: da-2026-answers.csv`"),
                        require(questions, "questions", "`questions:` with an `id:` and `text:` for each"),
                        require(candidates, "candidates", "`candidates:` with a `name:` for each"))
        guard let office = required.0, let election = required.1, let collected = required.2, let answers = required.3,
              let questions = required.4, let candidates = required.5, diagnostics.errorCount == errorsBefore
        else { return nil }
        var words: [String: Words] = [:]
        for code in translated?.keys ?? [] {
            guard var group = translated?.fields(code, diagnostics: &diagnostics).map(YAMLReader.init) else { continue }
            words[code] = Words(title: group.string("title", diagnostics: &diagnostics), office: group.string("office", diagnostics: &diagnostics),
                                intro: group.string("intro", diagnostics: &diagnostics))
            group.finish(what: "questionnaire translation", diagnostics: &diagnostics)
        }
        return QuestionnaireSource(
            path: String(file.relativePath.dropLast(suffix.count)), displayPath: file.displayPath, title: title, office: office,
            election: election, collected: collected, intro: intro, questions: questions, candidates: candidates,
            answers: Located(folder.isEmpty ? answers : folder + "/" + answers, at: read.location(ofValue: "answers") ?? start),
            quoteLimit: quoteLimit ?? defaultQuoteLimit, quoteLimitLocation: read.location(ofValue: "quote_limit"),
            translations: words,
            translationLocations: Dictionary(uniqueKeysWithValues: (translated?.keys ?? []).map { ($0, translated?.location(ofKey: $0) ?? start) }))
    }

    /// Each item of `questions:`: `id`, `text`, optional `scale` and `translations`.
    private static func questions(_ value: YAMLValue?, fields: YAMLFields, diagnostics: inout Diagnostics) -> [Question]? {
        guard let value else { return nil }
        var questions: [Question] = []
        for item in items(value, key: "questions", fields: fields, diagnostics: &diagnostics) {
            var reader = YAMLReader(item)
            let id = reader.string("id", diagnostics: &diagnostics)
            let text = reader.string("text", diagnostics: &diagnostics)
            let scale = reader.stringList("scale", diagnostics: &diagnostics)
            let translations = reader.mapping("translations", diagnostics: &diagnostics)
            reader.finish(what: "question", diagnostics: &diagnostics)
            let at = item.location(ofKey: "id") ?? item.location(ofKey: "text") ?? fields.location(ofValue: "questions")!
            guard let id, let text else {
                diagnostics.error("each question needs an `id:` (a short name the answers CSV uses, like plea-policy) and its `text:`", at: at)
                continue
            }
            if id.trimmed.isEmpty {
                diagnostics.error("this question's `id:` is empty: give it a short name the answers CSV uses, like plea-policy", at: item.location(ofValue: "id"))
            }
            if let first = questions.first(where: { $0.id.value.lowercased() == id.trimmed.lowercased() }) {
                diagnostics.error("two questions have the id '\(id)' (the first at line \(first.id.location.line)): give each its own",
                                  at: item.location(ofValue: "id"))
            }
            var translated: [String: String] = [:]
            var places: [String: SourceLocation] = [:]
            for code in translations?.keys ?? [] {
                if let words = translations?.string(code, diagnostics: &diagnostics) { translated[code] = words }
                places[code] = translations?.location(ofKey: code)
            }
            questions.append(Question(id: Located(id.trimmed, at: item.location(ofValue: "id") ?? at), text: text,
                                      textLocation: item.location(ofValue: "text") ?? at,
                                      scale: (scale ?? []).map { $0.lowercased() }, translations: translated, translationLocations: places))
        }
        if questions.isEmpty {
            diagnostics.error("this questionnaire has no questions: list them under `questions:`, each with `id:` and `text:`",
                              at: fields.location(ofValue: "questions"))
        }
        return questions
    }

    /// Each item of `candidates:`: `name`, optional `party`, `url`, `responded`.
    private static func candidates(_ value: YAMLValue?, fields: YAMLFields, diagnostics: inout Diagnostics) -> [Candidate]? {
        guard let value else { return nil }
        var candidates: [Candidate] = []
        for item in items(value, key: "candidates", fields: fields, diagnostics: &diagnostics) {
            var reader = YAMLReader(item)
            let name = reader.string("name", diagnostics: &diagnostics)
            let party = reader.string("party", diagnostics: &diagnostics)
            var url = reader.address("url", diagnostics: &diagnostics)
            if let written = url, !Self.isWebAddress(written) {
                diagnostics.error("'url' must be the campaign's full web address, starting with https://", at: item.location(ofValue: "url"))
                url = nil
            }
            let responded = reader.bool("responded", diagnostics: &diagnostics)
            reader.finish(what: "candidate", diagnostics: &diagnostics)
            guard let name, !name.isEmpty else {
                diagnostics.error("each candidate needs a `name:`", at: item.location(ofKey: "name") ?? fields.location(ofValue: "candidates"))
                continue
            }
            if let first = candidates.first(where: { Slug.name($0.name.value) == Slug.name(name) }) {
                diagnostics.error("'\(name)' and '\(first.name.value)' (line \(first.name.location.line)) would share one page address (\(Slug.name(name))): list each candidate once",
                                  at: item.location(ofValue: "name"))
            }
            candidates.append(Candidate(name: Located(name, at: item.location(ofValue: "name")!), party: party, url: url,
                                        responded: responded ?? true))
        }
        if candidates.isEmpty {
            diagnostics.error("this questionnaire invites no candidates: list every candidate under `candidates:`, each with `name:`",
                              at: fields.location(ofValue: "candidates"))
        }
        return candidates
    }

    /// A full web address: a source or a campaign's site is followed from the comparison page,
    /// each candidate's page and paper alike, where a relative path would lead to three places.
    static func isWebAddress(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return (lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) && AuthorURL.problem(url) == nil
    }

    /// The items of a list of `key: value` groups, each read on its own.
    private static func items(_ value: YAMLValue, key: String, fields: YAMLFields, diagnostics: inout Diagnostics) -> [YAMLFields] {
        guard let list = value.list else {
            diagnostics.error("'\(key)' must be a list, each item starting with `- `", at: fields.location(of: value))
            return []
        }
        return list.compactMap { item in
            guard let pairs = item.mapping else {
                diagnostics.error("each item of '\(key)' must be a group of `key: value` lines", at: fields.location(of: item))
                return nil
            }
            return YAMLFields(entries: pairs, path: fields.path, lineOffset: fields.lineOffset)
        }
    }
}
