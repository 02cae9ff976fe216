#pragma once
// Symbol visibility for the Relais shared library. Everything is hidden by
// default (-fvisibility=hidden); RELAIS_API marks what the library exports.
#if defined(RELAIS_STATIC)
#define RELAIS_API
#elif defined(RELAIS_BUILDING_LIBRARY)
#define RELAIS_API __attribute__((visibility("default")))
#else
#define RELAIS_API __attribute__((visibility("default")))
#endif
