import type { PayLinkAccount } from '../types.js';

/**
 * The PayLink reference's example account, verbatim (001: Get Accounts / Get Account / Detect
 * Accounts all show it): an Amazon account whose managed Hulu subscription is its one bill. It
 * belongs to the reference user. The example's action ids are the placeholder "BASE64_ENCODED_ID";
 * the emulator replaces them with real ones (see paylink/render.ts) and adds `actionId` and
 * `lastSyncedAt`, the names the reference's field lists use.
 */
export const REFERENCE_IDENTIFIER = 'IDENTIFIER_FROM_YOUR_SYSTEM';

type ExampleAccount = Omit<PayLinkAccount, 'actions' | 'bills'> & {
  actions: Array<{ type: string; id: string; automated: boolean }>;
  bills: Array<Omit<PayLinkAccount['bills'][number], 'actions'> & { actions: Array<{ type: string; id: string; automated: boolean }> }>;
};

export const REFERENCE_ACCOUNT: ExampleAccount = {
  "_id": "67376c5befe988922e8aabc4",
  "processing": false,
  "connectionStatus": "connected",
  "lastSynedAt": "2024-10-20T18:00:54.761Z",
  "data": {
    "category": "subscription",
    "identities": [
      {
        "firstName": "test",
        "email": "test@email.com",
        "phone": "5558675309"
      }
    ],
    "paymentMethods": [
      {
        "type": "card",
        "lastFour": "2345",
        "brand": "Mastercard",
        "isPrimary": true
      }
    ]
  },
  "company": {
    "_id": "65272c415d8a530008e972df",
    "name": "Amazon",
    "branding": {
      "logo": {
        "url": "https://cdn-public.atomicfi.com/8d97b6ca-595b-447c-8b86-8d690501c794_amazon.png",
        "backgroundColor": "#FF9900"
      },
      "color": "#FF9900"
    }
  },
  "actions": [
    {
      "type": "view-account",
      "id": "BASE64_ENCODED_ID",
      "automated": false
    },
    {
      "type": "refresh",
      "id": "BASE64_ENCODED_ID",
      "automated": true
    }
  ],
  "bills": [
    {
      "_id": "67376c5befe988922e8adef5",
      "sourceId": "70236f02-dc3e-3419-bbf7-06d3da9d6685",
      "name": "Hulu",
      "amount": 20.7,
      "autopayStatus": "enabled",
      "billingCycle": "monthly",
      "dueDate": "2024-11-20T23:59:59.000Z",
      "paymentHistory": [
        {
          "date": "2024-10-20T18:00:54.761Z",
          "amount": 20.7
        },
        {
          "date": "2024-09-20T09:48:31.093Z",
          "amount": 19.38
        }
      ],
      "items": [
        {
          "description": "Standard plan",
          "amount": 17.99
        },
        {
          "description": "Taxes and fees",
          "amount": 2.71
        }
      ],
      "profiles": [
        {
          "name": "Test Profile",
          "lastUsed": "2024-10-31T17:34:55.376Z"
        }
      ],
      "plans": [
        {
          "sourceId": "70236f02-dc3e-3419-bbf7-06d3da9d6685",
          "typeId": "no_ads",
          "status": "active",
          "description": "Hulu (No Ads)",
          "amount": 17.99,
          "freeTrial": false
        }
      ],
      "company": {
        "_id": "6529a6eccb8e7200085c6ef6",
        "name": "Hulu",
        "branding": {
          "logo": {
            "url": "https://cdn-public.atomicfi.com/60e83c17-cda4-4b5a-98c6-c83199c54d48.png",
            "backgroundColor": "#040405"
          },
          "color": "#040405"
        }
      },
      "actions": [
        {
          "type": "change-plan",
          "id": "BASE64_ENCODED_ID",
          "automated": false
        },
        {
          "type": "cancel-plan",
          "id": "BASE64_ENCODED_ID",
          "automated": true
        },
        {
          "type": "pause-plan",
          "id": "BASE64_ENCODED_ID",
          "automated": true
        }
      ]
    }
  ]
};
