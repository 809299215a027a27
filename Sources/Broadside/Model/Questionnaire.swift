/// A candidate questionnaire in one language, its answers matched to its questions: the
/// comparison page, a page per candidate, and a printed voter guide.
public struct Questionnaire: Sendable {
    public struct Question: Sendable {
        public var id: String
        public var text: String
        /// The language `text` is in: the default one's words where a translation is missing.
        public var language: String
        public var scale: [String]
    }

    /// One candidate's answer to one question, as the CSV gives it.
    public struct Answer: Sendable {
        /// The scale word (`yes`), or the candidate's short answer to an open question.
        public var answer: String
        public var quote: String
        public var source: String?
        public var date: Day?
    }

    public struct Candidate: Sendable {
        public var name: String
        public var party: String?
        public var url: String?
        public var route: Route
        /// By question id; a question without one is "did not respond".
        public var answers: [String: Answer]
    }

    public var source: QuestionnaireSource
    public var language: String
    public var title: String
    public var office: String
    /// The languages `title` and `office` are in: the default one's where untranslated.
    public var titleLanguage: String
    public var officeLanguage: String
    public var intro: String?
    public var questions: [Question]
    public var candidates: [Candidate]
    /// The comparison page.
    public var route: Route
    /// The answers CSV as published beside the pages, for anyone who wants the data.
    public var answersFile: Route?
    public var guide: PrintDocument

    /// `elections-da-2026` for `elections/da-2026`: the contract's `<section>-<name>`.
    static func fileName(_ path: String) -> String { path.replacingOccurrences(of: "/", with: "-") }
}
