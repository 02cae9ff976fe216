#include "inbox/mime/gmime_support.h"

#include <mutex>

namespace relais::inline v1::detail {

void ensure_gmime_initialised() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

std::string memory_stream_bytes(GMimeStream* memory) {
  const GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory));
  return std::string(reinterpret_cast<const char*>(array->data), array->len);
}

std::string object_bytes(GMimeObject* object, GMimeFormatOptions* options) {
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
  g_mime_object_write_to_stream(object, options, stream.get());
  return memory_stream_bytes(stream.get());
}

}  // namespace relais::inline v1::detail
