package org.gio.io.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gio.core.GioInputException;

/**
 * BERT's tokenizer, as Hugging Face's fast {@code BertTokenizer} does it, so an exported
 * sentence-transformer sees the ids it was trained on: the {@code BertNormalizer} (drop control
 * characters, whitespace to spaces, space around CJK ideographs, strip accents, lower-case), the
 * {@code BertPreTokenizer} (split on whitespace and punctuation), then greedy longest-match-first
 * WordPiece with {@code ##} continuations, a word longer than 100 characters or with no match
 * becoming {@code [UNK]}. The vocabulary and the normalizer's switches come from a {@code
 * vocab.txt} or from a {@code tokenizer.json} ({@link TokenizerJson}).
 */
public final class WordPieceTokenizer {
  /**
   * The normalizer's and the WordPiece model's settings, as {@code tokenizer.json} names them.
   *
   * @param stripAccents remove combining marks after NFD (Hugging Face: follows {@code lowercase}
   *     when unset)
   */
  public record Settings(boolean cleanText, boolean chineseChars, boolean stripAccents,
      boolean lowercase, String unkToken, String prefix, int maxCharsPerWord) {
    /** {@code bert-base-uncased}'s settings, or its cased variant's. */
    public static Settings bert(boolean lowercase) {
      return new Settings(true, true, lowercase, lowercase, "[UNK]", "##", 100);
    }
  }

  private final Map<String, Integer> vocab;
  private final Settings settings;
  private final int cls;
  private final int sep;
  private final int unk;
  private final int pad;

  WordPieceTokenizer(Map<String, Integer> vocab, boolean lowerCase) {
    this(vocab, Settings.bert(lowerCase));
  }

  WordPieceTokenizer(Map<String, Integer> vocab, Settings settings) {
    this.vocab = vocab;
    this.settings = settings;
    this.cls = special(vocab, "[CLS]");
    this.sep = special(vocab, "[SEP]");
    this.unk = special(vocab, settings.unkToken());
    this.pad = vocab.getOrDefault("[PAD]", 0);
  }

  /** Reads a vocabulary file: one token per line, the id being the 0-based line number. */
  public static WordPieceTokenizer load(Path vocabFile, boolean lowerCase) throws IOException {
    Map<String, Integer> vocab = new HashMap<>();
    int id = 0;
    try (BufferedReader r = Files.newBufferedReader(vocabFile, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        vocab.putIfAbsent(line.strip(), id++);
      }
    } catch (java.nio.charset.CharacterCodingException e) { // found by VocabFuzzTest
      throw new GioInputException(vocabFile + ": line " + (id + 1) + ": not UTF-8 text; a "
          + "vocab.txt is UTF-8, one token per line");
    }
    if (vocab.isEmpty()) {
      throw new GioInputException(vocabFile + ": empty vocabulary");
    }
    for (String token : new String[] {"[CLS]", "[SEP]", "[UNK]"}) {
      if (!vocab.containsKey(token)) {
        throw new GioInputException(vocabFile + ": the vocabulary has no " + token
            + " token; is it a BERT WordPiece vocab.txt?");
      }
    }
    return new WordPieceTokenizer(vocab, lowerCase);
  }

  private static int special(Map<String, Integer> vocab, String token) {
    Integer id = vocab.get(token);
    if (id == null) {
      throw new GioInputException("vocabulary has no " + token + " token; is it a BERT WordPiece vocab.txt?");
    }
    return id;
  }

  int padId() {
    return pad;
  }

  /** Vocabulary entries. */
  public int vocabSize() {
    return vocab.size();
  }

  public Settings settings() {
    return settings;
  }

  /** Ids of {@code [CLS] pieces… [SEP]}, the pieces cut so the whole fits in {@code maxLength}. */
  public int[] encode(String text, int maxLength) {
    List<String> words = basicTokens(text);
    int budget = Math.max(0, maxLength - 2);
    int[] ids = new int[Math.min(budget, 16 + words.size() * 2) + 2];
    int n = 0;
    ids[n++] = cls;
    outer:
    for (String word : words) {
      for (int id : wordPieces(word)) {
        if (n - 1 == budget) {
          break outer;
        }
        if (n == ids.length - 1) {
          ids = java.util.Arrays.copyOf(ids, Math.min(budget + 2, ids.length * 2));
        }
        ids[n++] = id;
      }
    }
    ids[n++] = sep;
    return n == ids.length ? ids : java.util.Arrays.copyOf(ids, n);
  }

  /** The words before WordPiece: Hugging Face's BertNormalizer, then its BertPreTokenizer. */
  List<String> basicTokens(String text) {
    StringBuilder clean = new StringBuilder(text.length() + 8);
    boolean ascii = true;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      ascii &= cp < 0x80;
      if (settings.cleanText() && (cp == 0 || cp == 0xFFFD || isControl(cp))) {
        continue;
      }
      if (settings.cleanText() && isWhitespace(cp)) {
        clean.append(' ');
      } else if (settings.chineseChars() && isCjk(cp)) {
        clean.append(' ').appendCodePoint(cp).append(' ');
      } else {
        clean.appendCodePoint(cp);
      }
    }
    String s = clean.toString();
    if (settings.stripAccents() && !ascii) {
      s = stripAccents(s);
    }
    if (settings.lowercase()) {
      s = lowercase(s, ascii);
    }
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == ' ' || isWhitespace(cp)) {
        flush(word, out);
      } else if (isPunctuation(cp)) {
        flush(word, out);
        out.add(new String(Character.toChars(cp)));
      } else {
        word.appendCodePoint(cp);
      }
    }
    flush(word, out);
    return out;
  }

  /**
   * Lower-cases each code point on its own, as Rust's {@code char::to_lowercase} in Hugging Face's
   * normalizer does: no context rules (Java's final-sigma rule would give ς where it gives σ).
   */
  private static String lowercase(String s, boolean ascii) {
    if (ascii) {
      return s.toLowerCase(java.util.Locale.ROOT);
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) {
        b.append((char) Character.toLowerCase(cp));
      } else {
        b.append(new String(Character.toChars(cp)).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return b.toString();
  }

  private List<Integer> wordPieces(String word) {
    if (word.codePointCount(0, word.length()) > settings.maxCharsPerWord()) {
      return List.of(unk);
    }
    List<Integer> pieces = new ArrayList<>(4);
    int start = 0;
    while (start < word.length()) {
      int end = word.length();
      Integer found = null;
      while (start < end) {
        String sub = (start > 0 ? settings.prefix() : "") + word.substring(start, end);
        found = vocab.get(sub);
        if (found != null) {
          break;
        }
        end = word.offsetByCodePoints(end, -1);
      }
      if (found == null) {
        return List.of(unk); // as BERT: one unknown piece makes the whole word unknown
      }
      pieces.add(found);
      start = end;
    }
    return pieces;
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (word.length() > 0) {
      out.add(word.toString());
      word.setLength(0);
    }
  }

  private static String stripAccents(String s) {
    String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(nfd.length());
    nfd.codePoints()
        .filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  private static boolean isWhitespace(int cp) {
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
      return true;
    }
    int t = Character.getType(cp);
    return t == Character.SPACE_SEPARATOR || t == Character.LINE_SEPARATOR
        || t == Character.PARAGRAPH_SEPARATOR;
  }

  private static boolean isControl(int cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      return false;
    }
    int t = Character.getType(cp);
    // Rust's char::is_other: Cc, Cf, Co, Cs and unassigned code points
    return t == Character.CONTROL || t == Character.FORMAT || t == Character.PRIVATE_USE
        || t == Character.SURROGATE || t == Character.UNASSIGNED;
  }

  /** BERT counts every non-alphanumeric ASCII symbol as punctuation, plus Unicode's P* classes. */
  private static boolean isPunctuation(int cp) {
    if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96)
        || (cp >= 123 && cp <= 126)) {
      return true;
    }
    int t = Character.getType(cp);
    return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
        || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
        || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
        || t == Character.OTHER_PUNCTUATION;
  }

  private static boolean isCjk(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0x2A700 && cp <= 0x2B73F)
        || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }
}
