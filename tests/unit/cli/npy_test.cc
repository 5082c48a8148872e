#include "cli/npy.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>

namespace pygraft::cli {
namespace {

using rt::Tensor;

// A .npy file with the given version and header dict, padded as NumPy does.
std::string npy_bytes(std::string_view header, std::string_view data, int major = 1) {
  std::string text(header);
  size_t prefix = major == 1 ? 10 : 12;
  while ((prefix + text.size() + 1) % 64 != 0) text += ' ';
  text += '\n';
  std::string out = "\x93NUMPY";
  out += static_cast<char>(major);
  out += '\0';
  for (size_t i = 0; i < prefix - 8; ++i) out += static_cast<char>((text.size() >> (8 * i)) & 0xFF);
  return out + text + std::string(data);
}

template <class T>
std::string raw(std::initializer_list<T> values) {
  std::string out;
  for (T v : values) out.append(reinterpret_cast<const char*>(&v), sizeof v);
  return out;
}

template <class T>
Tensor make_tensor(DType dtype, const rt::Shape& shape, std::initializer_list<T> values) {
  Tensor t = Tensor::empty(dtype, shape);
  std::copy(values.begin(), values.end(), t.data<T>());
  return t;
}

std::string parse_error(std::string_view bytes) {
  Result<Tensor> result = parse_npy(bytes);
  EXPECT_FALSE(result.ok());
  return result.ok() ? "" : result.error();
}

template <class T>
void expect_round_trip(DType dtype, std::initializer_list<T> values) {
  Tensor original = make_tensor<T>(dtype, {2, 2}, values);
  Result<Tensor> back = parse_npy(encode_npy(original));
  ASSERT_TRUE(back.ok()) << back.error();
  EXPECT_EQ(back.value().dtype(), dtype);
  EXPECT_EQ(back.value().shape(), original.shape());
  EXPECT_EQ(std::memcmp(back.value().raw(), original.raw(), original.nbytes()), 0);
}

TEST(NpyTest, RoundTripFloat64) {
  expect_round_trip<double>(DType::Float64, {1.5, -2, 0.1, 1e300});
}
TEST(NpyTest, RoundTripFloat32) {
  expect_round_trip<float>(DType::Float32, {1.5f, -2, 0.1f, 3});
}
TEST(NpyTest, RoundTripInt64) {
  expect_round_trip<int64_t>(DType::Int64, {1, -2, INT64_MAX, 0});
}
TEST(NpyTest, RoundTripInt32) {
  expect_round_trip<int32_t>(DType::Int32, {1, -2, INT32_MIN, 7});
}
TEST(NpyTest, RoundTripBool) {
  expect_round_trip<bool>(DType::Bool, {true, false, false, true});
}

TEST(NpyTest, RoundTripZeroDimensional) {
  Tensor original = Tensor::scalar(DType::Float64, 2.5);
  Result<Tensor> back = parse_npy(encode_npy(original));
  ASSERT_TRUE(back.ok()) << back.error();
  EXPECT_EQ(back.value().rank(), 0);
  EXPECT_EQ(*back.value().data<double>(), 2.5);
}

TEST(NpyTest, RoundTripEmptyArray) {
  Tensor original = Tensor::empty(DType::Int32, {0, 3});
  Result<Tensor> back = parse_npy(encode_npy(original));
  ASSERT_TRUE(back.ok()) << back.error();
  EXPECT_EQ(back.value().shape(), original.shape());
}

TEST(NpyTest, EncodedHeaderIsAlignedAndReadable) {
  std::string bytes = encode_npy(make_tensor<double>(DType::Float64, {3}, {1, 2, 3}));
  EXPECT_EQ((bytes.size() - 24) % 64, 0u);
  EXPECT_NE(bytes.find("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"),
            std::string::npos);
}

TEST(NpyTest, ReadsNumpyStyleFile) {
  std::string bytes =
      npy_bytes("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", raw<int64_t>({4, -5}));
  Result<Tensor> t = parse_npy(bytes);
  ASSERT_TRUE(t.ok()) << t.error();
  EXPECT_EQ(t.value().data<int64_t>()[1], -5);
}

TEST(NpyTest, FortranOrderIsTransposedToRowMajor) {
  // The 2x3 array [[1, 2, 3], [4, 5, 6]] stored column by column.
  std::string bytes = npy_bytes("{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3), }",
                                raw<int32_t>({1, 4, 2, 5, 3, 6}));
  Result<Tensor> t = parse_npy(bytes);
  ASSERT_TRUE(t.ok()) << t.error();
  const int32_t* data = t.value().data<int32_t>();
  EXPECT_EQ(std::vector<int32_t>(data, data + 6), (std::vector<int32_t>{1, 2, 3, 4, 5, 6}));
}

TEST(NpyTest, Version2HeaderIsRead) {
  std::string bytes =
      npy_bytes("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", raw<float>({0.5f}), 2);
  Result<Tensor> t = parse_npy(bytes);
  ASSERT_TRUE(t.ok()) << t.error();
  EXPECT_EQ(t.value().data<float>()[0], 0.5f);
}

TEST(NpyTest, Version3HeaderIsRead) {
  std::string bytes =
      npy_bytes("{'shape': (), 'fortran_order': False, 'descr': '|b1'}", std::string(1, '\x01'), 3);
  Result<Tensor> t = parse_npy(bytes);
  ASSERT_TRUE(t.ok()) << t.error();
  EXPECT_TRUE(*t.value().data<bool>());
}

TEST(NpyTest, BoolBytesOtherThanOneReadAsTrue) {
  std::string bytes = npy_bytes("{'descr': '|b1', 'fortran_order': False, 'shape': (2,), }",
                                std::string("\x07\x00", 2));
  Result<Tensor> t = parse_npy(bytes);
  ASSERT_TRUE(t.ok()) << t.error();
  EXPECT_EQ(static_cast<const unsigned char*>(t.value().raw())[0], 1);
}

TEST(NpyTest, ShapeLargerThanDataIsRejected) {
  std::string bytes =
      npy_bytes("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", raw<double>({1, 2}));
  EXPECT_NE(parse_error(bytes).find("needs 24 bytes"), std::string::npos);
}

TEST(NpyTest, DataLargerThanShapeIsRejected) {
  std::string bytes =
      npy_bytes("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", raw<double>({1, 2}));
  EXPECT_NE(parse_error(bytes).find("data size mismatch"), std::string::npos);
}

TEST(NpyTest, OverflowingShapeIsRejected) {
  std::string bytes = npy_bytes(
      "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", "");
  EXPECT_NE(parse_error(bytes).find("too large"), std::string::npos);
}

TEST(NpyTest, BadMagicIsRejected) {
  EXPECT_NE(parse_error("PK\x03\x04 not numpy").find("magic"), std::string::npos);
  EXPECT_NE(parse_error("").find("magic"), std::string::npos);
}

TEST(NpyTest, UnknownVersionIsRejected) {
  std::string bytes =
      npy_bytes("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", raw<double>({1}));
  bytes[6] = 9;
  EXPECT_NE(parse_error(bytes).find("version 9.0"), std::string::npos);
}

TEST(NpyTest, TruncatedFilesAreRejected) {
  std::string bytes =
      npy_bytes("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", raw<double>({1, 2}));
  for (size_t size : {size_t{7}, size_t{9}, size_t{40}, bytes.size() - 1}) {
    EXPECT_FALSE(parse_npy(std::string_view(bytes).substr(0, size)).ok()) << size;
  }
}

TEST(NpyTest, HugeHeaderLengthIsRejected) {
  std::string bytes = "\x93NUMPY\x02";
  bytes += '\0';
  bytes += std::string("\xff\xff\xff\x7f", 4);
  EXPECT_NE(parse_error(bytes).find("too large"), std::string::npos);
}

TEST(NpyTest, UnsupportedDescrIsRejected) {
  for (std::string_view descr : {">f8", "<c16", "<U3", ">u2", "<f16"}) {
    std::string header =
        "{'descr': '" + std::string(descr) + "', 'fortran_order': False, 'shape': (1,), }";
    EXPECT_NE(parse_error(npy_bytes(header, "\x01")).find("unsupported dtype"), std::string::npos)
        << descr;
  }
}

TEST(NpyTest, MalformedHeadersAreRejected) {
  for (std::string_view header : {
           "{'descr': '<f8', 'fortran_order': False}",
           "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 1}",
           "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,)}",
           "{'descr': '<f8', 'fortran_order': 0, 'shape': (1,)}",
           "{'descr': '<f8', 'fortran_order': False, 'shape': (1)}",
           "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}",
           "{'descr': '<f8', 'fortran_order': False, 'shape': [1]}",
           "{'descr': '<f8', 'fortran_order': False, 'shape': (1,)} trailing",
           "['descr', '<f8']",
       }) {
    EXPECT_FALSE(parse_npy(npy_bytes(header, raw<double>({1}))).ok()) << header;
  }
}

TEST(NpyTest, TooManyDimensionsAreRejected) {
  std::string shape = "(";
  for (int i = 0; i < 17; ++i) shape += "1, ";
  std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + "), }";
  EXPECT_NE(parse_error(npy_bytes(header, raw<double>({1}))).find("dimensions"), std::string::npos);
}

TEST(NpyTest, MutatedFilesNeverReadOutOfBounds) {
  std::string valid = npy_bytes("{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3), }",
                                raw<int32_t>({1, 4, 2, 5, 3, 6}));
  std::mt19937 random(1234);
  for (int i = 0; i < 3000; ++i) {
    std::string bytes = valid;
    for (int k = 0; k < 1 + i % 4; ++k) {
      bytes[random() % bytes.size()] = static_cast<char>(random() % 256);
    }
    bytes.resize(random() % (bytes.size() + 1));
    (void)parse_npy(bytes);  // must fail or succeed cleanly under the sanitizers
  }
}

}  // namespace
}  // namespace pygraft::cli
