"""Non-maximum suppression in the style of py-faster-rcnn (py_cpu_nms.py)
and k-means in the style of the classic NumPy tutorials: keep-lists grown by
append in a while loop, argsort()[::-1], np.where(...)[0], a comprehension
with a conditional element, early exit with np.allclose. Written for this
corpus."""
import numpy as np


def py_cpu_nms(dets, thresh):
    """Pure Python NMS baseline."""
    x1 = dets[:, 0]
    y1 = dets[:, 1]
    x2 = dets[:, 2]
    y2 = dets[:, 3]
    scores = dets[:, 4]

    areas = (x2 - x1 + 1) * (y2 - y1 + 1)
    order = scores.argsort()[::-1]

    keep = []
    while order.size > 0:
        i = order[0]
        keep.append(i)
        xx1 = np.maximum(x1[i], x1[order[1:]])
        yy1 = np.maximum(y1[i], y1[order[1:]])
        xx2 = np.minimum(x2[i], x2[order[1:]])
        yy2 = np.minimum(y2[i], y2[order[1:]])

        w = np.maximum(0.0, xx2 - xx1 + 1)
        h = np.maximum(0.0, yy2 - yy1 + 1)
        inter = w * h
        ovr = inter / (areas[i] + areas[order[1:]] - inter)

        inds = np.where(ovr <= thresh)[0]
        order = order[inds + 1]

    return keep


def kmeans(X, k, n_iters=10):
    centroids = X[:k].copy()
    labels = np.zeros(X.shape[0], dtype=np.int64)
    for it in range(n_iters):
        distances = np.sqrt(((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2))
        labels = np.argmin(distances, axis=1)
        new_centroids = np.array([X[labels == j].mean(axis=0) if np.any(labels == j) else centroids[j]
                                  for j in range(k)])
        if np.allclose(new_centroids, centroids):
            break
        centroids = new_centroids
    return centroids, labels


# CASE py_cpu_nms: [[0,0,10,10,0.9],[1,1,11,11,0.8],[50,50,60,60,0.7],[0,0,10,10,0.95]] 0.5
# CASE py_cpu_nms: [[0,0,10,10,0.9]] 0.3
# CASE py_cpu_nms: [[0,0,10,10,0.9],[20,20,30,30,0.8]] 0.0
# CASE kmeans: [[0.0,0.0],[0.1,0.2],[5.0,5.0],[5.2,4.9],[0.2,-0.1],[4.8,5.1]] 2
# CASE kmeans: [[0.0,0.0],[5.0,5.0],[0.1,0.2],[5.2,4.9],[9.0,9.0],[9.1,8.9]] 3 1
# CASE kmeans: [[1.0],[2.0],[10.0],[11.0]] 2 0
