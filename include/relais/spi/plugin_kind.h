#pragma once
// Which plugin kind provides the objects of an SPI interface, so that a
// connector is opened by its interface alone and can never be cast to the
// wrong one:
//
//   auto pbx = ws.connect<relais::spi::TelephonyConnector>("3cx", config);
//
// Each SPI header specializes PluginKind for its interface; an interface
// without a specialization does not compile with Workspace::connect.

namespace relais::inline v1::spi {

template <class Interface>
struct PluginKind;  // static constexpr const char* name: "telephony", "erp"...

}  // namespace relais::inline v1::spi
