// A main() for the fuzz targets where libFuzzer is absent (GCC, or builds without
// -DWWWAUTH_BUILD_FUZZERS=ON): runs LLVMFuzzerTestOneInput once over every file given, or
// over every regular file of every directory given (recursively), so that ctest replays the
// seed corpora and the regression cases in every build. Exit status 0 when all ran; a failed
// check aborts, as under libFuzzer.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

bool run_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: cannot read %s\n", path.string().c_str());
    return false;
  }
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // A copy with no spare capacity, so that ASan catches a read one past the end.
  std::vector<std::uint8_t> exact(bytes.begin(), bytes.end());
  exact.shrink_to_fit();
  LLVMFuzzerTestOneInput(exact.data(), exact.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t count = 0;
  bool ok = true;
  for (int a = 1; a < argc; ++a) {
    const std::filesystem::path arg(argv[a]);
    if (std::filesystem::is_directory(arg)) {
      std::vector<std::filesystem::path> files;
      for (const auto& entry : std::filesystem::recursive_directory_iterator(arg))
        if (entry.is_regular_file()) files.push_back(entry.path());
      std::sort(files.begin(), files.end());  // a stable order, so a failure is reproducible
      for (const auto& file : files) {
        ok = run_file(file) && ok;
        ++count;
      }
    } else {
      ok = run_file(arg) && ok;
      ++count;
    }
  }
  std::printf("replay: %zu inputs\n", count);
  return ok && count > 0 ? 0 : 1;
}
