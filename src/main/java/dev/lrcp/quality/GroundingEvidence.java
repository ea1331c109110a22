package dev.lrcp.quality;

/**
 * What the grounding score is made of, each in 0..1.
 *
 * @param lexical share of the answer's new content words found in the document
 * @param phrases share of the answer's word pairs found in the document or question
 * @param numbers share of the answer's numbers found in the document (1 when it has none)
 * @param names share of the answer's capitalised names found in the document or question
 * @param similarity mean over answer sentences of the best MiniLM cosine with a document chunk
 * @param weakest the lowest of those per-sentence best cosines (an added unsupported claim)
 */
record GroundingEvidence(
    double lexical,
    double phrases,
    double numbers,
    double names,
    double similarity,
    double weakest) {

  double[] features() {
    return new double[] {lexical, phrases, numbers, names, similarity, weakest};
  }
}
