# Tests that compare wwwauth's hashes, HMAC and Digest responses with an independent computation
# link OpenSSL's libcrypto (Debian: libssl-dev). Only these test executables do: the library
# itself never depends on OpenSSL. Without OpenSSL they build and warn (fail when CI=true).
find_package(OpenSSL COMPONENTS Crypto QUIET)
foreach(wwwauth_openssl_test IN ITEMS hash_test digest_credentials_test hmac_test)
  if(OpenSSL_FOUND AND TARGET ${wwwauth_openssl_test})
    target_link_libraries(${wwwauth_openssl_test} PRIVATE OpenSSL::Crypto)
    target_compile_definitions(${wwwauth_openssl_test} PRIVATE WWWAUTH_TEST_OPENSSL=1)
  endif()
endforeach()
if(NOT OpenSSL_FOUND)
  message(STATUS "wwwauth: OpenSSL not found (Debian: libssl-dev), hash cross-checks are off")
endif()
