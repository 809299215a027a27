import Foundation

/// A generator's config file (`_config.yml`, `hugo.toml`, `config.yaml`…) read into keys and
/// values, nested tables as mappings, with the readers front matter uses.
struct ConfigFile {
    let path: String
    let fields: YAMLFields

    /// The keys, or why the file cannot be read.
    static func read(_ root: URL, _ path: String) -> Result<ConfigFile, ImportFailure> {
        // Messages name the file where it is, so an editor can open it at the line.
        let shown = root.appendingPathComponent(path).path
        guard let text = SourceFiles.read(root, path) else { return .failure(ImportFailure("\(shown): error: cannot be read")) }
        var diagnostics = Diagnostics()
        let fields: YAMLFields?
        if path.hasSuffix(".toml") {
            fields = TOMLDocument.mapping(text, path: shown, diagnostics: &diagnostics).map { YAMLFields(entries: $0, path: shown, lineOffset: 0) }
        } else if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            fields = YAMLFields(entries: [], path: shown, lineOffset: 0)
        } else {
            fields = YAMLFields(yaml: text, path: shown, lineOffset: 0, what: path, diagnostics: &diagnostics)
        }
        guard let fields else {
            return .failure(ImportFailure(diagnostics.all.map(\.description).joined(separator: "\n")))
        }
        return .success(ConfigFile(path: path, fields: fields))
    }

    /// Hugo's config folder (`config/_default/`): `hugo.toml` (or `config.toml`…) and a file for
    /// each of its other top-level keys (`languages.toml`, `params.yaml`), read as one.
    static func readFolder(_ root: URL, _ folder: String) -> Result<ConfigFile, ImportFailure> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path))?.sorted() ?? []
        var pairs: [(key: YAMLValue, value: YAMLValue)] = []
        for name in names where [".toml", ".yaml", ".yml"].contains(where: name.hasSuffix) {
            let file: ConfigFile
            switch read(root, folder + "/" + name) {
            case .success(let read): file = read
            case .failure(let failure): return .failure(failure)
            }
            let entries = file.fields.keys.compactMap(file.fields.entry)
            let key = String(name.prefix { $0 != "." })
            if key == "hugo" || key == "config" {
                pairs = entries + pairs
            } else {
                pairs.append((YAMLValue(.text(key, plain: true), line: 1, column: 1), YAMLValue(.mapping(entries), line: 1, column: 1)))
            }
        }
        return .success(ConfigFile(path: folder, fields: YAMLFields(entries: pairs, path: folder, lineOffset: 0)))
    }

    /// The value at a key path, looked up in nested tables: `["languages", "es", "languageName"]`.
    func value(_ keys: String...) -> YAMLValue? {
        Self.value(keys[...], in: fields)
    }

    func value(at keys: [String]) -> YAMLValue? {
        Self.value(keys[...], in: fields)
    }

    func text(_ keys: String...) -> String? {
        Self.value(keys[...], in: fields)?.text
    }

    /// Keys of the table at a key path, in the order written.
    func tableKeys(_ keys: String...) -> [String] {
        Self.value(keys[...], in: fields)?.mapping?.compactMap(\.key.text) ?? []
    }

    private static func value(_ keys: ArraySlice<String>, in fields: YAMLFields) -> YAMLValue? {
        // Hugo reads its config keys without regard to case.
        guard let first = keys.first, let key = fields.keys.first(where: { $0.lowercased() == first.lowercased() }),
              let value = fields.entry(key)?.value else { return nil }
        var current = value
        for key in keys.dropFirst() {
            guard let next = current.mapping?.first(where: { $0.key.text?.lowercased() == key.lowercased() })?.value else { return nil }
            current = next
        }
        return current
    }

    /// `true`, as YAML and TOML write it.
    func flag(_ keys: String...) -> Bool {
        Self.value(keys[...], in: fields).flatMap(YAMLFields.bool) ?? false
    }
}

/// Why an import cannot start, said the way the tool says errors: a refusal, nothing written.
public struct ImportFailure: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
