#pragma once
// Everything a program using Relais needs, in one include.
#include <relais/clock.h>
#include <relais/customers/customer.h>
#include <relais/customers/customer_service.h>
#include <relais/customers/validation.h>
#include <relais/dashboard/dashboard_service.h>
#include <relais/desk/desk_service.h>
#include <relais/erp/erp_exchange.h>
#include <relais/errors.h>
#include <relais/events.h>
#include <relais/ids.h>
#include <relais/inbox/mail_category.h>
#include <relais/journal.h>
#include <relais/reminders/reminder_service.h>
#include <relais/users.h>
#include <relais/version.h>
#include <relais/workspace.h>
