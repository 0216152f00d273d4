package org.gio.io.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.gio.core.GioInputException;

/**
 * A Hugging Face {@code tokenizer.json} of a BERT-style model: the WordPiece vocabulary ({@code
 * model.vocab}), the {@code BertNormalizer} switches ({@code clean_text}, {@code
 * handle_chinese_chars}, {@code strip_accents}, {@code lowercase}) and the truncation length. Other
 * tokenizer kinds (BPE, Unigram) are refused with a message naming the kind.
 *
 * @param tokenizer the tokenizer it describes
 * @param truncation {@code truncation.max_length}, or 0 when the file sets none
 */
public record TokenizerJson(WordPieceTokenizer tokenizer, int truncation) {

  /** Reads {@code in}; {@code name} (a path or a resource) is what error messages call it. */
  public static TokenizerJson read(InputStream in, String name) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(in);
    } catch (JsonProcessingException e) {
      throw new GioInputException(name + ": not valid JSON (" + e.getOriginalMessage()
          + "); expected a Hugging Face tokenizer.json");
    }
    if (root == null || !root.isObject()) {
      throw new GioInputException(name + ": empty or not a JSON object; expected a Hugging Face"
          + " tokenizer.json");
    }
    JsonNode model = root.path("model");
    String type = model.path("type").asText("");
    if (!type.equals("WordPiece")) {
      throw new GioInputException(name + ": tokenizer model is '" + type + "', gio reads WordPiece"
          + " (BERT-style) tokenizers only; use a BERT-based sentence model");
    }
    JsonNode vocabNode = model.path("vocab");
    if (!vocabNode.isObject() || vocabNode.isEmpty()) {
      throw new GioInputException(name + ": model.vocab is missing or empty; expected the"
          + " WordPiece vocabulary as {\"token\": id, ...}");
    }
    Map<String, Integer> vocab = new HashMap<>(vocabNode.size() * 2);
    for (Iterator<Map.Entry<String, JsonNode>> it = vocabNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 0) {
        throw new GioInputException(name + ": model.vocab entry '" + e.getKey()
            + "' has id " + e.getValue() + "; ids must be integers ≥ 0");
      }
      vocab.put(e.getKey(), e.getValue().asInt());
    }
    JsonNode norm = root.path("normalizer");
    if (!norm.isMissingNode() && !norm.isNull()
        && !norm.path("type").asText("").equals("BertNormalizer")) {
      throw new GioInputException(name + ": normalizer '" + norm.path("type").asText()
          + "' is not supported; gio reads BertNormalizer (or none)");
    }
    boolean lowercase = norm.path("lowercase").asBoolean(false);
    JsonNode strip = norm.path("strip_accents");
    WordPieceTokenizer.Settings settings = new WordPieceTokenizer.Settings(
        norm.path("clean_text").asBoolean(false),
        norm.path("handle_chinese_chars").asBoolean(false),
        strip.isBoolean() ? strip.asBoolean() : lowercase,
        lowercase,
        model.path("unk_token").asText("[UNK]"),
        model.path("continuing_subword_prefix").asText("##"),
        model.path("max_input_chars_per_word").asInt(100));
    int truncation = root.path("truncation").path("max_length").asInt(0);
    return new TokenizerJson(new WordPieceTokenizer(vocab, settings), Math.max(0, truncation));
  }
}
