"""Sequence decoders as tutorials and speech code write them: Viterbi with
backpointers and a path list built with insert, the machinelearningmastery
beam search (lists of [sequence, score] pairs sorted with a lambda key),
greedy CTC decoding that collapses repeats and drops blanks. Written for
this corpus."""
from math import log
import numpy as np


def viterbi(obs, start_p, trans_p, emit_p):
    T = len(obs)
    N = trans_p.shape[0]
    V = np.zeros((T, N))
    B = np.zeros((T, N), dtype=int)
    V[0] = np.log(start_p) + np.log(emit_p[:, obs[0]])
    for t in range(1, T):
        for s in range(N):
            scores = V[t - 1] + np.log(trans_p[:, s])
            B[t, s] = np.argmax(scores)
            V[t, s] = np.max(scores) + np.log(emit_p[s, obs[t]])
    path = [int(np.argmax(V[T - 1]))]
    for t in range(T - 1, 0, -1):
        path.insert(0, int(B[t, path[0]]))
    return path, float(np.max(V[T - 1]))


def beam_search_decoder(data, k):
    sequences = [[list(), 0.0]]
    # walk over each step in sequence
    for row in data:
        all_candidates = list()
        # expand each current candidate
        for i in range(len(sequences)):
            seq, score = sequences[i]
            for j in range(len(row)):
                candidate = [seq + [j], score - log(row[j])]
                all_candidates.append(candidate)
        # order all candidates by score
        ordered = sorted(all_candidates, key=lambda tup: tup[1])
        # select k best
        sequences = ordered[:k]
    return sequences


def ctc_greedy_decode(probs, blank=0):
    best_path = np.argmax(probs, axis=1)
    decoded = []
    prev = -1
    for p in best_path:
        if p != prev and p != blank:
            decoded.append(int(p))
        prev = p
    return decoded


# CASE viterbi: [0,1,2] [0.6,0.4] [[0.7,0.3],[0.4,0.6]] [[0.5,0.4,0.1],[0.1,0.3,0.6]]
# CASE viterbi: [2] [0.5,0.5] [[0.9,0.1],[0.2,0.8]] [[0.3,0.3,0.4],[0.1,0.1,0.8]]
# CASE beam_search_decoder: [[0.1,0.2,0.3,0.4],[0.4,0.3,0.2,0.1],[0.25,0.25,0.3,0.2]] 3
# CASE beam_search_decoder: [[0.5,0.5]] 1
# CASE beam_search_decoder: [] 2
# CASE ctc_greedy_decode: [[0.1,0.8,0.1],[0.1,0.8,0.1],[0.9,0.05,0.05],[0.1,0.8,0.1],[0.1,0.1,0.8]]
# CASE ctc_greedy_decode: [[0.9,0.1],[0.9,0.1]]
