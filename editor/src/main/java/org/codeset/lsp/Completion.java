package org.codeset.lsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.Layout;
import org.codeset.core.model.PropertyDef;
import org.codeset.core.model.SourceFile;
import org.codeset.core.model.Vocabulary;
import org.codeset.core.model.Vocabulary.RelationType;
import org.codeset.core.model.Vocabulary.Relationship;
import org.codeset.core.model.Vocabulary.Status;
import org.codeset.core.text.Canonical;
import org.codeset.core.text.Render;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionItemTag;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion from the text of the line and the keys above it (a half-typed buffer often does not
 * parse): codes where a code is expected, from the right code set, with display and status and
 * retired ones marked; field names where a key is expected; the values of enumerated fields.
 */
final class Completion {
    /** At most this many codes are offered at once (the list is marked incomplete beyond). */
    static final int MAX_CODES = 100;
    static final List<String> CODE_STATUS = Vocabulary.texts(Status.values());
    static final List<String> CODESET_STATUS = Vocabulary.texts(Vocabulary.CodeSetStatus.values());
    static final List<String> RELATION_TYPES = Vocabulary.texts(RelationType.values());
    static final List<String> RELATIONSHIPS = Vocabulary.texts(Relationship.values());
    static final List<String> CODESET_KEYS = List.of("id", "title", "system", "version", "status", "publisher",
            "description", "codePattern", "properties");
    static final List<String> PROPERTY_KEYS = List.of("id", "type", "from", "required", "multiple", "description");

    /** {@code key: value-so-far}, after optional indentation and a list dash. */
    private static final Pattern KEY_VALUE = Pattern.compile("^(\\s*)(-\\s+)?([A-Za-z][\\w-]*)\\s*:(\\s*)(.*)$");
    /** A list item being written: {@code - value-so-far}. */
    private static final Pattern ITEM = Pattern.compile("^(\\s*)-\\s+([^:]*)$");
    /** A key being written. */
    private static final Pattern KEY = Pattern.compile("^(\\s*)(-\\s+)?([A-Za-z][\\w-]*)?$");
    /** A line that opens a block: {@code key:} (maybe on a list dash). */
    private static final Pattern OPENER = Pattern.compile("^(\\s*)(-\\s+)?([A-Za-z][\\w-]*)\\s*:\\s*(#.*)?$");

    private Completion() {
    }

    static CompletionList complete(Snapshot s, String uri, Position p, CancelChecker cancel) {
        String rel = s.relative(uri);
        String text = rel == null ? null : s.text(rel);
        CompletionList out = new CompletionList(false, new ArrayList<>());
        if (text == null || !Session.isCodeFile(rel)) {
            return out;
        }
        String[] lines = text.split("\r?\n", -1);
        if (p.getLine() >= lines.length) {
            return out;
        }
        String line = lines[p.getLine()];
        String before = line.substring(0, Math.min(p.getCharacter(), line.length()));
        String codeSetId = Layout.codeSetOf(rel);
        boolean meta = Layout.kindOf(rel) == SourceFile.Kind.CODESET;
        CodeSet cs = s.model().codeSet(codeSetId);

        Matcher kv = KEY_VALUE.matcher(before);
        Matcher item = ITEM.matcher(before);
        Matcher key = KEY.matcher(before);
        if (kv.matches()) {
            int keyColumn = kv.group(1).length() + (kv.group(2) == null ? 0 : kv.group(2).length());
            String field = kv.group(3);
            String value = kv.group(5);
            int valueStart = before.length() - value.length();
            // inside a flow list: the item after the last '[' or ','
            int cut = Math.max(value.lastIndexOf('['), value.lastIndexOf(','));
            if (cut >= 0) {
                valueStart += cut + 1;
                value = value.substring(cut + 1);
                while (value.startsWith(" ")) {
                    value = value.substring(1);
                    valueStart++;
                }
            }
            String parent = enclosing(lines, p.getLine(), keyColumn);
            values(s, out, cs, meta, parent, field, value, valueRange(line, p, valueStart, value), cancel);
        }
        if (!kv.matches() && item.matches()) {
            // the list's key (parent:) and the block that key is in (codes)
            int dash = item.group(1).length();
            int opener = lineOf(lines, p.getLine(), dash + 1);
            Matcher o = opener < 0 ? null : OPENER.matcher(lines[opener]);
            String value = item.group(2);
            int valueStart = before.length() - value.length();
            if (o != null && o.matches()) {
                int keyColumn = o.group(1).length() + (o.group(2) == null ? 0 : o.group(2).length());
                values(s, out, cs, meta, enclosing(lines, opener, keyColumn), o.group(3), value,
                        valueRange(line, p, valueStart, value), cancel);
            }
        }
        if (!kv.matches() && out.getItems().isEmpty() && key.matches()) {
            int keyColumn = key.group(1).length() + (key.group(2) == null ? 0 : key.group(2).length());
            String parent = enclosing(lines, p.getLine(), keyColumn);
            String typed = key.group(3) == null ? "" : key.group(3);
            Range range = new Range(new Position(p.getLine(), keyColumn), p);
            for (String k : keys(cs, meta, parent)) {
                if (k.startsWith(typed)) {
                    CompletionItem ci = new CompletionItem(k);
                    ci.setKind(CompletionItemKind.Field);
                    ci.setTextEdit(Either.forLeft(new TextEdit(range, k + ": ")));
                    ci.setSortText(String.format("%03d", Canonical.rank(k)));
                    out.getItems().add(ci);
                }
            }
        }
        return out;
    }

    /**
     * The range a completed value replaces: from where it starts to the caret, and the closing
     * quote after the caret when the editor closed the quote the user opened.
     */
    private static Range valueRange(String line, Position p, int valueStart, String value) {
        int end = p.getCharacter();
        if (!value.isEmpty() && (value.charAt(0) == '"' || value.charAt(0) == '\'') && end < line.length()
                && line.charAt(end) == value.charAt(0)) {
            end++;
        }
        return new Range(new Position(p.getLine(), valueStart), new Position(p.getLine(), end));
    }

    /** The keys allowed in the mapping whose parent key is {@code parent}. */
    private static List<String> keys(CodeSet cs, boolean meta, String parent) {
        if (meta) {
            return parent == null ? CODESET_KEYS : "properties".equals(parent) ? PROPERTY_KEYS : List.of();
        }
        if (parent == null) {
            return List.of("codes");
        }
        return switch (parent) {
            case "codes" -> Canonical.KEY_ORDER;
            case "relations" -> List.of("type", "target");
            case "mappings" -> List.of("target", "system", "code", "relationship");
            case "properties" -> cs == null ? List.of() : List.copyOf(cs.properties().keySet());
            default -> List.of();
        };
    }

    private static void values(Snapshot s, CompletionList out, CodeSet cs, boolean meta, String parent, String field,
            String typed, Range range, CancelChecker cancel) {
        String partial = typed.startsWith("\"") || typed.startsWith("'") ? typed.substring(1) : typed;
        if (meta) {
            if ("status".equals(field) && parent == null) {
                words(out, CODESET_STATUS, partial, range);
            } else if ("type".equals(field) && "properties".equals(parent)) {
                words(out, PropertyDef.TYPES, partial, range);
            } else if ("from".equals(field) && "properties".equals(parent)) {
                codeSets(out, s, partial, range, "");
            } else if (("required".equals(field) || "multiple".equals(field)) && "properties".equals(parent)) {
                words(out, List.of("true", "false"), partial, range);
            }
            return;
        }
        if (cs == null) {
            return;
        }
        if ("codes".equals(parent) && "status".equals(field)) {
            words(out, CODE_STATUS, partial, range);
        } else if ("codes".equals(parent) && "parent".equals(field)) {
            codes(out, s, cs, cs, partial, range, "", cancel);
        } else if ("relations".equals(parent) && "type".equals(field)) {
            words(out, RELATION_TYPES, partial, range);
        } else if ("mappings".equals(parent) && "relationship".equals(field)) {
            words(out, RELATIONSHIPS, partial, range);
        } else if (("relations".equals(parent) || "mappings".equals(parent)) && "target".equals(field)) {
            int colon = partial.indexOf(':');
            CodeSet other = colon > 0 ? s.model().codeSet(partial.substring(0, colon)) : null;
            if (other != null) {
                codes(out, s, other, cs, partial.substring(colon + 1), range, other.id() + ":", cancel);
            } else {
                if ("relations".equals(parent)) {
                    codes(out, s, cs, cs, partial, range, "", cancel);
                }
                codeSets(out, s, partial, range, ":");
            }
        } else if ("properties".equals(parent)) {
            PropertyDef def = cs.properties().get(field);
            if (def != null && def.isCode()) {
                CodeSet from = s.model().codeSet(def.codeSet(cs.id()));
                if (from != null) {
                    codes(out, s, from, cs, partial, range, "", cancel);
                }
            } else if (def != null && "boolean".equals(def.type())) {
                words(out, List.of("true", "false"), partial, range);
            }
        }
    }

    private static void words(CompletionList out, List<String> words, String partial, Range range) {
        for (String w : words) {
            if (w.startsWith(partial)) {
                CompletionItem ci = new CompletionItem(w);
                ci.setKind(CompletionItemKind.EnumMember);
                ci.setTextEdit(Either.forLeft(new TextEdit(range, w)));
                out.getItems().add(ci);
            }
        }
    }

    private static void codeSets(CompletionList out, Snapshot s, String partial, Range range, String suffix) {
        for (CodeSet cs : s.model().codeSets()) {
            if (cs.id().startsWith(partial)) {
                CompletionItem ci = new CompletionItem(cs.id() + suffix);
                ci.setKind(CompletionItemKind.Module);
                ci.setDetail(cs.meta() == null ? null : cs.meta().text("title"));
                ci.setTextEdit(Either.forLeft(new TextEdit(range, suffix.isEmpty() ? cs.id() : "\"" + cs.id() + suffix)));
                ci.setFilterText(cs.id() + suffix);
                ci.setSortText("~" + cs.id());
                out.getItems().add(ci);
            }
        }
    }

    /** Codes of {@code from} starting with {@code partial}: active first, then deprecated, then retired. */
    private static void codes(CompletionList out, Snapshot s, CodeSet from, CodeSet home, String partial, Range range,
            String prefix, CancelChecker cancel) {
        String lower = partial.toLowerCase(Locale.ROOT);
        List<CodeEntry> matches = new ArrayList<>();
        for (CodeEntry e : from.entries()) {
            if (e.code() != null && e.code().toLowerCase(Locale.ROOT).startsWith(lower)) {
                matches.add(e);
            }
        }
        cancel.checkCanceled();
        matches.sort(Comparator.comparingInt(Completion::statusRank).thenComparing(CodeEntry::code));
        if (matches.size() > MAX_CODES) {
            out.setIsIncomplete(true);
            matches = matches.subList(0, MAX_CODES);
        }
        int i = 0;
        for (CodeEntry e : matches) {
            String written = prefix + e.code();
            CompletionItem ci = new CompletionItem(written);
            ci.setKind(CompletionItemKind.Constant);
            String status = e.status() == null ? "" : e.status();
            ci.setDetail((e.display() == null ? "" : e.display()) + " (" + status + ")");
            if (e.isRetired()) {
                ci.setTags(List.of(CompletionItemTag.Deprecated));
            }
            ci.setFilterText(written);
            ci.setSortText(String.format("%d%05d", statusRank(e), i++));
            ci.setTextEdit(Either.forLeft(new TextEdit(range, Render.code(written))));
            out.getItems().add(ci);
        }
    }

    private static int statusRank(CodeEntry e) {
        return e.isActive() ? 0 : e.isDeprecated() ? 1 : e.isRetired() ? 2 : 3;
    }

    /** The line on which the block enclosing {@code line} at {@code column} opens, or -1. */
    private static int lineOf(String[] lines, int line, int column) {
        for (int l = line - 1; l >= 0; l--) {
            Matcher m = OPENER.matcher(lines[l]);
            if (m.matches()) {
                int keyColumn = m.group(1).length() + (m.group(2) == null ? 0 : m.group(2).length());
                if (keyColumn < column) {
                    return l;
                }
            } else if (!lines[l].isBlank() && !lines[l].strip().startsWith("#") && indent(lines[l]) < column - 1
                    && !lines[l].strip().startsWith("-")) {
                return -1;
            }
        }
        return -1;
    }

    /** The key of the block that a key at {@code column} (0-based) of {@code line} is in, or null at the top. */
    static String enclosing(String[] lines, int line, int column) {
        int l = lineOf(lines, line, column);
        if (l < 0) {
            return null;
        }
        Matcher m = OPENER.matcher(lines[l]);
        return m.matches() ? m.group(3) : null;
    }

    private static int indent(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
